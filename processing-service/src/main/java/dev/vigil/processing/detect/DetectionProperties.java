package dev.vigil.processing.detect;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Person detection.
 *
 * @param detector which detector runs
 * @param minConfidence detections below this confidence are dropped (cameras may
 * override)
 * @param maxDetections most detections kept per media item, best first
 * @param hog settings of the HOG detector
 * @param http settings of the external HTTP detector
 * @param cameras per-camera overrides, by camera id
 */
@Validated
@ConfigurationProperties("vigil.processing.detection")
public record DetectionProperties(@DefaultValue("hog") @NotNull Kind detector,
		@DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax("1.0") double minConfidence,
		@DefaultValue("50") @Min(1) int maxDetections, @DefaultValue @Valid HogProperties hog,
		@DefaultValue @Valid Http http, Map<String, @Valid Camera> cameras) {

	public DetectionProperties {
		cameras = (cameras != null) ? Map.copyOf(cameras) : Map.of();
	}

	/** Which detector runs. */
	public enum Kind {

		/** OpenCV HOG people detector, in process. */
		HOG,
		/** An external service, see {@link HttpDetector}. */
		HTTP,
		/** No detection. */
		NONE

	}

	/**
	 * An external detector reached over HTTP.
	 *
	 * @param url endpoint that takes a JPEG and answers detections
	 * @param timeout per request
	 * @param name detector name reported in events
	 * @param version detector version reported in events
	 */
	public record Http(@Nullable URI url, @DefaultValue("10s") Duration timeout,
			@DefaultValue("http") @NotBlank String name, @DefaultValue("1") @NotBlank String version) {

	}

	/**
	 * One camera's view of detection.
	 *
	 * @param minConfidence overrides the global minimum confidence
	 * @param minBoxHeight boxes shorter than this many pixels (of the original image) are
	 * dropped: too far away to matter, or noise
	 * @param zones polygons in fractions of the frame ({@code "x,y x,y x,y ..."}, 0..1,
	 * origin top left); when present only people standing inside one (bottom centre of
	 * the box) count
	 */
	public record Camera(@Nullable @DecimalMin("0.0") @DecimalMax("1.0") Double minConfidence,
			@DefaultValue("0") @Min(0) int minBoxHeight, List<String> zones) {

		public Camera {
			zones = (zones != null) ? List.copyOf(zones) : List.of();
		}

	}

}
