package dev.vigil.processing.detect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.contracts.CameraDetection;
import dev.vigil.contracts.Detection;
import org.jspecify.annotations.Nullable;

/**
 * Applies per-camera settings to a detector's raw output: per-label on/off and confidence
 * threshold, minimum box size, and zones. A camera's settings come from the platform
 * ({@link PlatformCameraSettings}) when it has any for the camera, else from this
 * service's properties. Zones in properties are parsed once at start-up, so a typo stops
 * the service with a clear message instead of silently detecting everywhere.
 */
public class DetectionPolicy {

	private final DetectionProperties properties;

	private final Map<String, List<Zone>> zones = new HashMap<>();

	private final @Nullable PlatformCameraSettings platform;

	/**
	 * A policy from this service's properties only.
	 * @param properties the properties
	 */
	public DetectionPolicy(DetectionProperties properties) {
		this(properties, null);
	}

	DetectionPolicy(DetectionProperties properties, @Nullable PlatformCameraSettings platform) {
		this.properties = properties;
		this.platform = platform;
		properties.cameras().forEach((camera, settings) -> {
			try {
				this.zones.put(camera, settings.zones().stream().map(Zone::parse).toList());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"vigil.processing.detection.cameras." + camera + ".zones: " + ex.getMessage(), ex);
			}
		});
	}

	/**
	 * Keeps the detections that count for a camera.
	 * @param cameraId the camera
	 * @param detections raw detections, boxes in pixels of an image of the given size
	 * @param width image width
	 * @param height image height
	 * @return the detections that pass
	 */
	public List<Detection> filter(String cameraId, List<Detection> detections, int width, int height) {
		Rules rules = rules(cameraId);
		return detections.stream()
			.filter((d) -> d.confidence() >= rules.threshold(d.label()))
			.filter((d) -> d.box().height() >= rules.minBoxHeight())
			.filter((d) -> rules.zones().isEmpty() || inAnyZone(d, rules.zones(), width, height))
			.toList();
	}

	/**
	 * A camera's rules: the platform's settings when it has some for the camera (the
	 * platform is the source of truth; labels it does not name keep the global label
	 * settings), else this service's properties.
	 */
	private Rules rules(String cameraId) {
		Map<String, DetectionProperties.Label> labels = new HashMap<>(this.properties.labels());
		PlatformCameraSettings.Camera platform = (this.platform != null) ? this.platform.get(cameraId) : null;
		if (platform != null) {
			CameraDetection settings = platform.settings();
			settings.labels()
				.forEach(
						(label, s) -> labels.put(label, new DetectionProperties.Label(s.enabled(), s.minConfidence())));
			return new Rules(this.properties.minConfidence(),
					(settings.minBoxHeight() != null) ? settings.minBoxHeight() : 0, platform.zones(), labels);
		}
		DetectionProperties.Camera camera = this.properties.cameras().get(cameraId);
		if (camera == null) {
			return new Rules(this.properties.minConfidence(), 0, List.of(), labels);
		}
		labels.putAll(camera.labels());
		return new Rules((camera.minConfidence() != null) ? camera.minConfidence() : this.properties.minConfidence(),
				camera.minBoxHeight(), this.zones.getOrDefault(cameraId, List.of()), labels);
	}

	/**
	 * What counts on one camera.
	 *
	 * @param minConfidence threshold of labels without their own
	 * @param minBoxHeight smaller boxes are dropped
	 * @param zones where detections count; empty means everywhere
	 * @param labels per-label settings
	 */
	private record Rules(double minConfidence, int minBoxHeight, List<Zone> zones,
			Map<String, DetectionProperties.Label> labels) {

		/** Above 1 (never passes) when the label is off, else its own or the camera's. */
		double threshold(String label) {
			DetectionProperties.Label settings = this.labels.get(label);
			if (settings == null) {
				return this.minConfidence;
			}
			if (!settings.enabled()) {
				return Double.POSITIVE_INFINITY;
			}
			return (settings.minConfidence() != null) ? settings.minConfidence() : this.minConfidence;
		}

	}

	public double minConfidence() {
		return this.properties.minConfidence();
	}

	private static boolean inAnyZone(Detection d, List<Zone> zones, int width, int height) {
		// Where a person stands: the bottom centre of the box.
		double x = (d.box().x() + d.box().width() / 2.0) / width;
		// A box touching the bottom edge stands on the last row, not below the frame.
		double y = Math.min((double) (d.box().y() + d.box().height()) / height, 0.9999);
		return zones.stream().anyMatch((zone) -> zone.contains(x, y));
	}

}
