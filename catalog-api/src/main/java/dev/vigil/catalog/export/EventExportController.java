package dev.vigil.catalog.export;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import dev.vigil.catalog.audit.AuditLog;
import dev.vigil.catalog.camera.CameraRegistry;
import dev.vigil.catalog.event.EventDocument;
import dev.vigil.catalog.media.MediaDocument;
import dev.vigil.catalog.storage.ObjectStore;
import dev.vigil.catalog.security.CurrentCaller;
import dev.vigil.catalog.web.ApiException;
import dev.vigil.catalog.web.Ids;

@RestController
@EnableConfigurationProperties(ExportProperties.class)
@Tag(name = "Events")
class EventExportController {

	private final MongoTemplate mongo;

	private final CameraRegistry cameras;

	private final ObjectStore store;

	private final AuditLog audit;

	private final CurrentCaller caller;

	private final ExportProperties properties;

	EventExportController(MongoTemplate mongo, CameraRegistry cameras, ObjectStore store, AuditLog audit,
			CurrentCaller caller, ExportProperties properties) {
		this.mongo = mongo;
		this.cameras = cameras;
		this.store = store;
		this.audit = audit;
		this.caller = caller;
		this.properties = properties;
	}

	@GetMapping("/api/v1/events/{id}/export")
	@Operation(summary = "Download an event as a zip",
			description = "Originals, browser renditions, event.json and event.csv (times and detections), named "
					+ "<camera>_<local start yyyy-MM-dd_HHmm>.zip in Content-Disposition. Audited.")
	ResponseEntity<StreamingResponseBody> export(
			@Parameter(example = "driveway.1472565097000") @PathVariable @Pattern(regexp = Ids.EVENT) String id) {
		EventDocument event = this.mongo.findById(id, EventDocument.class);
		if (event == null || !this.caller.scope().permits(event.cameraId())) {
			throw ApiException.notFound("event", id);
		}
		Query query = Query.query(Criteria.where("eventId").is(id).and("listed").is(true).and("deletedAt").is(null))
			.with(Sort.by(Sort.Direction.ASC, "takenAt", "_id"))
			.limit(this.properties.maxItems() + 1);
		List<MediaDocument> items = this.mongo.find(query, MediaDocument.class);
		if (items.size() > this.properties.maxItems()) {
			throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "export-too-large", "Event too large to export",
					"Event " + id + " has more than " + this.properties.maxItems()
							+ " media items; download them one by one or in smaller events",
					Map.of("maxItems", this.properties.maxItems()));
		}
		ZoneId zone = zone(event.cameraId());
		String name = ExportNames.zip(event.cameraId(), event.start(), zone);
		this.audit.record(this.caller.name(), "event.exported", id,
				Map.of("cameraId", event.cameraId(), "items", items.size(), "file", name));
		EventZip zip = new EventZip(event, items, zone, this.store);
		StreamingResponseBody body = zip::writeTo;
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

	/** The camera's own zone names the file as its clock showed it; else UTC. */
	private ZoneId zone(String cameraId) {
		return this.cameras.find(cameraId)
			.map((camera) -> camera.timeZone())
			.filter((zone) -> zone != null && ZoneId.getAvailableZoneIds().contains(zone))
			.map(ZoneId::of)
			.orElse(ZoneOffset.UTC);
	}

}
