package dev.vigil.processing.detect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.contracts.Detection;
import org.jspecify.annotations.Nullable;

/**
 * Applies per-camera settings to a detector's raw output: per-label on/off and confidence
 * threshold, minimum box size, and zones. Zones are parsed once at start-up, so a typo
 * stops the service with a clear message instead of silently detecting everywhere.
 */
public class DetectionPolicy {

	private final DetectionProperties properties;

	private final Map<String, List<Zone>> zones = new HashMap<>();

	public DetectionPolicy(DetectionProperties properties) {
		this.properties = properties;
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
		DetectionProperties.Camera camera = this.properties.cameras().get(cameraId);
		double minConfidence = (camera != null && camera.minConfidence() != null) ? camera.minConfidence()
				: this.properties.minConfidence();
		int minHeight = (camera != null) ? camera.minBoxHeight() : 0;
		List<Zone> cameraZones = this.zones.getOrDefault(cameraId, List.of());
		return detections.stream()
			.filter((d) -> d.confidence() >= threshold(d.label(), camera, minConfidence))
			.filter((d) -> d.box().height() >= minHeight)
			.filter((d) -> cameraZones.isEmpty() || inAnyZone(d, cameraZones, width, height))
			.toList();
	}

	/**
	 * A label's threshold: above 1 (never passes) when the label is off, else the label's
	 * own (camera, then global), else the camera's or global one.
	 */
	private double threshold(String label, DetectionProperties.@Nullable Camera camera, double fallback) {
		DetectionProperties.Label settings = (camera != null) ? camera.labels().get(label) : null;
		if (settings == null) {
			settings = this.properties.labels().get(label);
		}
		if (settings == null) {
			return fallback;
		}
		if (!settings.enabled()) {
			return Double.POSITIVE_INFINITY;
		}
		return (settings.minConfidence() != null) ? settings.minConfidence() : fallback;
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
