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
 * Detection of people, vehicles and animals.
 *
 * @param detector which detector runs
 * @param minConfidence detections below this confidence are dropped (cameras may
 * override)
 * @param maxDetections most detections kept per media item, best first
 * @param nanodet settings of the NanoDet CNN detector (the default)
 * @param hog settings of the HOG detector
 * @param http settings of the external HTTP detector
 * @param labels per-label settings ({@code person}, {@code vehicle}, {@code animal}) for
 * every camera
 * @param cameras per-camera overrides, by camera id
 */
@Validated
@ConfigurationProperties("vigil.processing.detection")
public record DetectionProperties(@DefaultValue("nanodet") @NotNull Kind detector,
		@DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax("1.0") double minConfidence,
		@DefaultValue("50") @Min(1) int maxDetections, @DefaultValue @Valid NanoDetProperties nanodet,
		@DefaultValue @Valid HogProperties hog, @DefaultValue @Valid Http http, Map<String, @Valid Label> labels,
		Map<String, @Valid Camera> cameras) {

	public DetectionProperties {
		labels = (labels != null) ? Map.copyOf(labels) : Map.of();
		cameras = (cameras != null) ? Map.copyOf(cameras) : Map.of();
	}

	/**
	 * One label's settings.
	 *
	 * @param enabled whether detections with this label are kept
	 * @param minConfidence the label's own threshold (overrides the camera's and the
	 * global one)
	 */
	public record Label(@DefaultValue("true") boolean enabled,
			@Nullable @DecimalMin("0.0") @DecimalMax("1.0") Double minConfidence) {

	}

	/** Which detector runs. */
	public enum Kind {

		/** NanoDet-m CNN on TensorFlow Java, in process: people, vehicles, animals. */
		NANODET,
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
	 * @param labels per-label settings of this camera, by label (override the global
	 * ones)
	 */
	public record Camera(@Nullable @DecimalMin("0.0") @DecimalMax("1.0") Double minConfidence,
			@DefaultValue("0") @Min(0) int minBoxHeight, List<String> zones, Map<String, @Valid Label> labels) {

		public Camera {
			zones = (zones != null) ? List.copyOf(zones) : List.of();
			labels = (labels != null) ? Map.copyOf(labels) : Map.of();
		}

	}

}
