package dev.vigil.catalog.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.catalog.camera.CameraRegistry;
import dev.vigil.catalog.media.MediaCatalog;
import dev.vigil.catalog.media.MediaDocument;
import dev.vigil.catalog.media.MediaFilter;
import dev.vigil.catalog.media.MediaView;
import dev.vigil.catalog.security.CameraScope;
import dev.vigil.catalog.security.CurrentCaller;
import dev.vigil.catalog.web.ApiException;
import dev.vigil.catalog.web.Cursor;
import dev.vigil.catalog.web.Ids;
import dev.vigil.catalog.web.Page;
import dev.vigil.catalog.web.TimeRange;
import dev.vigil.contracts.MediaKind;

@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Events", description = "Uploads of one camera stitched into events by a gap window")
class EventController {

	// An event is a burst of motion; more than this many items are paged via
	// /media?eventId=.
	private static final int MEDIA_PER_EVENT = 500;

	private final EventCatalog events;

	private final CameraRegistry cameras;

	private final MediaCatalog media;

	private final CurrentCaller caller;

	EventController(EventCatalog events, CameraRegistry cameras, MediaCatalog media, CurrentCaller caller) {
		this.events = events;
		this.cameras = cameras;
		this.media = media;
		this.caller = caller;
	}

	@GetMapping
	@Operation(summary = "List events, newest first",
			description = "from/to select events that overlap the range. Cursor-paged like /media.")
	Page<EventView> list(
			@Parameter(example = "driveway") @RequestParam(required = false) @Pattern(
					regexp = Ids.CAMERA) @Nullable String camera,
			@RequestParam(required = false) @Nullable MediaKind kind,
			@Parameter(example = "2016-08-30T00:00:00Z") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
			@Parameter(example = "person") @RequestParam(required = false) @Pattern(
					regexp = Ids.LABEL) @Nullable String label,
			@Parameter(example = "0.5") @RequestParam(
					required = false) @DecimalMin("0.0") @DecimalMax("1.0") @Nullable Double minConfidence,
			@RequestParam(required = false) @Size(max = 200) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		TimeRange range = new TimeRange(from, to);
		Cursor position = Cursor.decode(cursor);
		CameraScope scope = this.caller.scope();
		if (camera != null) {
			scope.check(camera);
			if (!this.cameras.exists(camera)) {
				throw ApiException.notFound("camera", camera);
			}
		}
		Page<EventDocument> found = this.events.find(new EventFilter(camera, kind, range, label, minConfidence), scope,
				position, limit);
		return new Page<>(found.items().stream().map((event) -> EventView.of(event, null)).toList(),
				found.nextCursor());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One event with its media, oldest first")
	EventView get(@Parameter(example = "driveway.1472565097000") @PathVariable @Pattern(regexp = Ids.EVENT) String id) {
		EventDocument event = this.events.get(id, this.caller.scope());
		MediaFilter filter = new MediaFilter(null, null, new TimeRange(null, null), null, null, null, id);
		List<MediaView> items = new ArrayList<>(
				this.media.find(filter, this.caller.scope(), null, MEDIA_PER_EVENT).items());
		Collections.reverse(items);
		return EventView.of(event, items);
	}

	@PutMapping("/{id}/legal-hold")
	@Operation(summary = "Place or lift a legal hold on every media item of an event (admin)")
	EventView hold(@PathVariable @Pattern(regexp = Ids.EVENT) String id, @Valid @RequestBody HoldRequest request) {
		EventDocument event = this.events.get(id, this.caller.scope());
		List<MediaDocument> items = this.events.listedMedia(id);
		this.media.holdAll(id, items, request.hold(), this.caller.name(), request.reason());
		return get(event.id());
	}

	/**
	 * A legal hold change.
	 *
	 * @param hold place (true) or lift (false)
	 * @param reason why, for the audit log
	 */
	record HoldRequest(boolean hold, @Size(max = 500) @Nullable String reason) {

	}

}
