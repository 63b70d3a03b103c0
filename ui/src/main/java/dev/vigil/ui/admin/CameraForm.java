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
 * think in; the API gets bytes and fractions.
 *
 * @param name display name
 * @param timeZone IANA zone, blank for the default
 * @param personDetection whether to run person detection
 * @param minPersonConfidence percent below which a person is not shown
 * @param silentAfterMinutes minutes without uploads before the camera counts as silent
 * @param imageMaxAgeDays keep images this many days
 * @param videoMaxAgeDays keep videos this many days
 * @param imageMaxGb keep at most this many GB of images
 * @param videoMaxGb keep at most this many GB of videos
 */
public record CameraForm(@NotBlank @Size(max = 100) String name, @Nullable @Size(max = 64) String timeZone,
		@Nullable Boolean personDetection, @Nullable @Min(0) @Max(100) Integer minPersonConfidence,
		@Nullable @Min(1) @Max(100_000) Integer silentAfterMinutes,
		@Nullable @Min(1) @Max(36_500) Integer imageMaxAgeDays, @Nullable @Min(1) @Max(36_500) Integer videoMaxAgeDays,
		@Nullable @DecimalMin("0.001") @DecimalMax("1000000") Double imageMaxGb,
		@Nullable @DecimalMin("0.001") @DecimalMax("1000000") Double videoMaxGb) {

	private static final double GB = 1024.0 * 1024 * 1024;

	static CameraForm of(Camera camera) {
		Camera.Retention retention = camera.retention();
		Camera.Detection detection = camera.detection();
		return new CameraForm(camera.label(), camera.timeZone(),
				detection == null || !Boolean.FALSE.equals(detection.personDetection()),
				(detection != null && detection.minPersonConfidence() != null)
						? (int) Math.round(detection.minPersonConfidence() * 100) : null,
				camera.silentAfterMinutes(), (retention != null) ? retention.imageMaxAgeDays() : null,
				(retention != null) ? retention.videoMaxAgeDays() : null,
				(retention != null && retention.imageMaxBytes() != null) ? retention.imageMaxBytes() / GB : null,
				(retention != null && retention.videoMaxBytes() != null) ? retention.videoMaxBytes() / GB : null);
	}

	/** The PATCH body catalog-api expects. */
	Map<String, Object> changes() {
		Map<String, Object> changes = new LinkedHashMap<>();
		changes.put("name", this.name.strip());
		// Empty fields clear the camera's own value (catalog-api: "" and 0 mean
		// "default");
		// null would mean "unchanged" and keep the old one.
		changes.put("timeZone", (this.timeZone != null && !this.timeZone.isBlank()) ? this.timeZone : "");
		Map<String, Object> detection = new LinkedHashMap<>();
		detection.put("personDetection", Boolean.TRUE.equals(this.personDetection));
		detection.put("minPersonConfidence",
				(this.minPersonConfidence != null) ? this.minPersonConfidence / 100.0 : null);
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

}
