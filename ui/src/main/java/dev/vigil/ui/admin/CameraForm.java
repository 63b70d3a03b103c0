package dev.vigil.ui.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import dev.vigil.ui.catalog.Camera;

/**
 * The camera settings form. Sizes are entered in GB, confidence in percent: what people
 * think in; the API gets bytes and fractions. Each label the detector reports (person,
 * vehicle, animal) has its own switch and minimum confidence; an empty confidence means
 * the processing default.
 *
 * @param name display name
 * @param timeZone IANA zone, blank for the default
 * @param personDetection whether people count
 * @param minPersonConfidence percent below which a person is not shown
 * @param vehicleDetection whether vehicles count
 * @param minVehicleConfidence percent below which a vehicle is not shown
 * @param animalDetection whether animals count
 * @param minAnimalConfidence percent below which an animal is not shown
 * @param silentAfterMinutes minutes without uploads before the camera counts as silent
 * @param imageMaxAgeDays keep images this many days
 * @param videoMaxAgeDays keep videos this many days
 * @param imageMaxGb keep at most this many GB of images
 * @param videoMaxGb keep at most this many GB of videos
 */
public record CameraForm(@NotBlank @Size(max = 100) String name, @Nullable @Size(max = 64) String timeZone,
		@Nullable Boolean personDetection, @Nullable @Min(0) @Max(100) Integer minPersonConfidence,
		@Nullable Boolean vehicleDetection, @Nullable @Min(0) @Max(100) Integer minVehicleConfidence,
		@Nullable Boolean animalDetection, @Nullable @Min(0) @Max(100) Integer minAnimalConfidence,
		@Nullable @Min(1) @Max(100_000) Integer silentAfterMinutes,
		@Nullable @Min(1) @Max(36_500) Integer imageMaxAgeDays, @Nullable @Min(1) @Max(36_500) Integer videoMaxAgeDays,
		@Nullable @DecimalMin("0.001") @DecimalMax("1000000") Double imageMaxGb,
		@Nullable @DecimalMin("0.001") @DecimalMax("1000000") Double videoMaxGb) {

	private static final double GB = 1024.0 * 1024 * 1024;

	static CameraForm of(Camera camera) {
		Camera.Retention retention = camera.retention();
		Camera.Detection detection = (camera.detection() != null) ? camera.detection()
				: new Camera.Detection(null, null, null);
		Camera.LabelSetting person = detection.label("person");
		Camera.LabelSetting vehicle = detection.label("vehicle");
		Camera.LabelSetting animal = detection.label("animal");
		return new CameraForm(camera.label(), camera.timeZone(), person.enabled(), percent(person), vehicle.enabled(),
				percent(vehicle), animal.enabled(), percent(animal), camera.silentAfterMinutes(),
				(retention != null) ? retention.imageMaxAgeDays() : null,
				(retention != null) ? retention.videoMaxAgeDays() : null,
				(retention != null && retention.imageMaxBytes() != null) ? retention.imageMaxBytes() / GB : null,
				(retention != null && retention.videoMaxBytes() != null) ? retention.videoMaxBytes() / GB : null);
	}

	private static @Nullable Integer percent(Camera.LabelSetting setting) {
		return (setting.minConfidence() != null) ? (int) Math.round(setting.minConfidence() * 100) : null;
	}

	/** The PATCH body catalog-api expects. */
	Map<String, Object> changes() {
		Map<String, Object> changes = new LinkedHashMap<>();
		changes.put("name", this.name.strip());
		// Empty fields clear the camera's own value (catalog-api: "" and 0 mean
		// "default"); null would mean "unchanged" and keep the old one.
		changes.put("timeZone", (this.timeZone != null && !this.timeZone.isBlank()) ? this.timeZone : "");
		Map<String, Object> detection = new LinkedHashMap<>();
		// The person fields too: edges and older readers of camera.config know only
		// those.
		detection.put("personDetection", Boolean.TRUE.equals(this.personDetection));
		detection.put("minPersonConfidence", fraction(this.minPersonConfidence));
		Map<String, Object> labels = new LinkedHashMap<>();
		labels.put("person", label(this.personDetection, this.minPersonConfidence));
		labels.put("vehicle", label(this.vehicleDetection, this.minVehicleConfidence));
		labels.put("animal", label(this.animalDetection, this.minAnimalConfidence));
		detection.put("labels", labels);
		changes.put("detection", detection);
		changes.put("silentAfterMinutes", (this.silentAfterMinutes != null) ? this.silentAfterMinutes : 0);
		Map<String, Object> retention = new LinkedHashMap<>();
		retention.put("imageMaxAgeDays", this.imageMaxAgeDays);
		retention.put("videoMaxAgeDays", this.videoMaxAgeDays);
		retention.put("imageMaxBytes", (this.imageMaxGb != null) ? Math.round(this.imageMaxGb * GB) : null);
		retention.put("videoMaxBytes", (this.videoMaxGb != null) ? Math.round(this.videoMaxGb * GB) : null);
		changes.put("retention", retention);
		return changes;
	}

	private static Map<String, Object> label(@Nullable Boolean enabled, @Nullable Integer minConfidence) {
		Map<String, Object> label = new LinkedHashMap<>();
		label.put("enabled", Boolean.TRUE.equals(enabled));
		label.put("minConfidence", fraction(minConfidence));
		return label;
	}

	private static @Nullable Double fraction(@Nullable Integer percent) {
		return (percent != null) ? percent / 100.0 : null;
	}

}
