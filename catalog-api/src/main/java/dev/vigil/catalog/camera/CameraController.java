package dev.vigil.catalog.camera;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.catalog.audit.AuditLog;
import dev.vigil.catalog.camera.CameraDocument.Detection;
import dev.vigil.catalog.camera.CameraDocument.LabelSetting;
import dev.vigil.catalog.camera.CameraDocument.Point;
import dev.vigil.catalog.camera.CameraDocument.Zone;
import dev.vigil.catalog.camera.CameraDocument.Retention;
import dev.vigil.catalog.security.CurrentCaller;
import dev.vigil.catalog.web.ApiException;
import dev.vigil.catalog.web.Ids;

@RestController
@RequestMapping("/api/v1/cameras")
@Tag(name = "Cameras", description = "Cameras register themselves with their first upload")
class CameraController {

	private final CameraRegistry registry;

	private final CurrentCaller caller;

	private final AuditLog audit;

	private final ManagedCameras managed;

	private final CameraDetectionPublisher detections;

	CameraController(CameraRegistry registry, CurrentCaller caller, AuditLog audit, ManagedCameras managed,
			CameraDetectionPublisher detections) {
		this.registry = registry;
		this.caller = caller;
		this.audit = audit;
		this.managed = managed;
		this.detections = detections;
	}

	@GetMapping
	@Operation(summary = "List the cameras this token may see")
	List<CameraDocument> list() {
		return this.registry.findAll(this.caller.scope());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One camera with its settings")
	CameraDocument get(@Parameter(example = "driveway") @PathVariable @Pattern(regexp = Ids.CAMERA) String id) {
		return find(id);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change name, time zone, retention, detection, allowed sources; enable or disable (admin)",
			description = "Absent fields stay as they are. Audited. A camera the platform manages gets the change "
					+ "on its edge through camera.config (time zone included: the edge reads file names with it).")
	CameraDocument patch(@PathVariable @Pattern(regexp = Ids.CAMERA) String id, @Valid @RequestBody CameraPatch patch) {
		CameraDocument current = find(id);
		Update update = new Update();
		Map<String, Object> changes = new LinkedHashMap<>();
		if (patch.name() != null) {
			update.set("name", patch.name());
			changes.put("name", patch.name());
		}
		if (patch.timeZone() != null && patch.timeZone().isBlank()) {
			// Emptied in the settings: back to the platform default.
			update.unset("timeZone");
			changes.put("timeZone", "default");
		}
		else if (patch.timeZone() != null) {
			try {
				ZoneId.of(patch.timeZone());
			}
			catch (DateTimeException ex) {
				throw ApiException.badParameter("timeZone", "is not an IANA time zone");
			}
			update.set("timeZone", patch.timeZone());
			changes.put("timeZone", patch.timeZone());
		}
		if (patch.retention() != null) {
			update.set("retention", patch.retention().toDocument());
			changes.put("retention", readable(patch.retention().toDocument()));
		}
		if (patch.detection() != null) {
			Detection detection = patch.detection().toDocument(current.detection());
			update.set("detection", detection);
			changes.put("detection", readable(detection));
		}
		if (patch.silentAfterMinutes() != null && patch.silentAfterMinutes() == 0) {
			update.unset("silentAfterMinutes");
			changes.put("silentAfterMinutes", "default");
		}
		else if (patch.silentAfterMinutes() != null) {
			update.set("silentAfterMinutes", patch.silentAfterMinutes());
			changes.put("silentAfterMinutes", patch.silentAfterMinutes());
		}
		if (patch.enabled() != null) {
			update.set("enabled", patch.enabled());
			changes.put("enabled", patch.enabled());
		}
		if (patch.allowedSources() != null) {
			for (String source : patch.allowedSources()) {
				if (!source.matches("[0-9a-fA-F:.]{2,45}(/[0-9]{1,3})?")) {
					throw ApiException.badParameter("allowedSources", "must be address blocks such as 192.168.1.0/24");
				}
			}
			update.set("allowedSources", patch.allowedSources());
			changes.put("allowedSources", String.join(", ", patch.allowedSources()));
		}
		if (changes.isEmpty()) {
			return find(id);
		}
		this.registry.update(id, update);
		this.managed.changed(id);
		if (patch.detection() != null) {
			this.detections.changed(id);
		}
		this.audit.record(this.caller.name(), "camera.updated", id, changes);
		return find(id);
	}

	/** A settings record as field/value pairs for the audit log ("default" for unset). */
	private static Map<String, Object> readable(Record settings) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (java.lang.reflect.RecordComponent component : settings.getClass().getRecordComponents()) {
			try {
				Object value = component.getAccessor().invoke(settings);
				fields.put(component.getName(), (value != null) ? value : "default");
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return fields;
	}

	private CameraDocument find(String id) {
		this.caller.scope().check(id);
		return this.registry.find(id).orElseThrow(() -> ApiException.notFound("camera", id));
	}

	/**
	 * Changes to a camera; absent fields stay.
	 *
	 * @param name display name
	 * @param timeZone IANA zone id; empty for the platform default
	 * @param retention retention overrides (replaced as a whole)
	 * @param detection detection settings (replaced as a whole)
	 * @param silentAfterMinutes silent threshold override; 0 for the platform default
	 * @param enabled false disables the camera: its edge refuses its logins
	 * @param allowedSources CIDRs it may log in from (replaced as a whole; empty =
	 * anywhere)
	 */
	record CameraPatch(
			@Schema(example = "Driveway") @Size(min = 1,
					max = 100) @Pattern(regexp = Ids.DISPLAY_TEXT) @Nullable String name,
			@Schema(example = "Europe/Berlin") @Size(max = 64) @Nullable String timeZone,
			@Valid @Nullable RetentionPatch retention, @Valid @Nullable DetectionPatch detection,
			@Min(0) @Max(525_600) @Nullable Integer silentAfterMinutes, @Nullable Boolean enabled,
			@Size(max = 32) @Nullable List<@Size(max = 49) String> allowedSources) {

	}

	record RetentionPatch(@Min(1) @Max(36_500) @Nullable Integer imageMaxAgeDays,
			@Min(1) @Max(36_500) @Nullable Integer videoMaxAgeDays, @Min(1) @Nullable Long imageMaxBytes,
			@Min(1) @Nullable Long videoMaxBytes) {

		Retention toDocument() {
			return new Retention(this.imageMaxAgeDays, this.videoMaxAgeDays, this.imageMaxBytes, this.videoMaxBytes);
		}

	}

	/**
	 * Detection settings. The two person fields are replaced as given (absent: default);
	 * the others, when absent, keep what is stored.
	 *
	 * @param personDetection whether people count
	 * @param minPersonConfidence threshold for people
	 * @param minBoxHeight boxes shorter than this many pixels are dropped; 0 for none
	 * @param labels per label: on/off and threshold (replaced as a whole; empty clears)
	 * @param zones polygons where detections count (replaced as a whole; empty: the whole
	 * frame)
	 */
	record DetectionPatch(@Nullable Boolean personDetection,
			@DecimalMin("0.0") @DecimalMax("1.0") @Nullable Double minPersonConfidence,
			@Min(0) @Max(10_000) @Nullable Integer minBoxHeight,
			@Size(max = 3) @Nullable Map<@Pattern(regexp = "person|vehicle|animal",
					message = "must be person, vehicle or animal") String, @Valid LabelPatch> labels,
			@Schema(example = "[{\"points\":[{\"x\":0,\"y\":0.5},{\"x\":1,\"y\":0.5},{\"x\":1,\"y\":1}]}]") @Size(
					max = 16) @Nullable List<@Valid ZonePatch> zones) {

		Detection toDocument(@Nullable Detection stored) {
			Map<String, LabelSetting> labelSettings = (stored != null) ? stored.labels() : null;
			if (this.labels != null) {
				labelSettings = new LinkedHashMap<>();
				for (Map.Entry<String, LabelPatch> label : this.labels.entrySet()) {
					labelSettings.put(label.getKey(), new LabelSetting(
							!Boolean.FALSE.equals(label.getValue().enabled()), label.getValue().minConfidence()));
				}
			}
			List<Zone> zoneSettings = (stored != null) ? stored.zones() : null;
			if (this.zones != null) {
				zoneSettings = this.zones.stream()
					.map((z) -> new Zone(z.points().stream().map((p) -> new Point(p.x(), p.y())).toList()))
					.toList();
			}
			Integer height = (this.minBoxHeight != null) ? this.minBoxHeight
					: (stored != null) ? stored.minBoxHeight() : null;
			return new Detection(this.personDetection, this.minPersonConfidence, height, labelSettings, zoneSettings);
		}

	}

	/**
	 * One label's settings.
	 *
	 * @param enabled whether the label counts (absent: yes)
	 * @param minConfidence its threshold (absent: the processing default)
	 */
	record LabelPatch(@Nullable Boolean enabled, @DecimalMin("0.0") @DecimalMax("1.0") @Nullable Double minConfidence) {

	}

	/**
	 * A polygon in fractions of the frame (0..1, origin top left).
	 *
	 * @param points 3 to 64 corners, in order
	 */
	record ZonePatch(@NotNull @Size(min = 3, max = 64) List<@NotNull @Valid PointPatch> points) {

	}

	/**
	 * A corner of a zone.
	 *
	 * @param x from the left edge, 0 to 1
	 * @param y from the top edge, 0 to 1
	 */
	record PointPatch(@NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double x,
			@NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double y) {

	}

}
