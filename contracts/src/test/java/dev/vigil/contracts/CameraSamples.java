package dev.vigil.contracts;

import java.util.List;

/**
 * Golden samples of the camera topics ({@link Topics#CAMERA_CONFIG},
 * {@link Topics#EDGE_HEARTBEAT}, {@link Topics#CAMERA_DETECTION}); read them with
 * {@link ContractSamples#sample}.
 */
public final class CameraSamples {

	/** Camera {@code porch} on {@code edge-garage}, Berlin time, hashed password. */
	public static final String CONFIG_BERLIN = "camera-config-berlin.json";

	/** The password behind the hash of the config samples. */
	public static final String CONFIG_PASSWORD = "porch-sample-password";

	/** Camera {@code garden}, disabled by an admin, without optional fields. */
	public static final String CONFIG_DISABLED = "camera-config-disabled.json";

	public static final String HEARTBEAT = "edge-heartbeat.json";

	/**
	 * Detection settings of camera {@code driveway}: every field, vehicles off, the lower
	 * half of the frame as its zone.
	 */
	public static final String DETECTION_DRIVEWAY = "camera-detection-driveway.json";

	/** Detection settings of camera {@code garden} with only the required fields. */
	public static final String DETECTION_DEFAULTS = "camera-detection-defaults.json";

	/** Every valid {@link CameraDetection} sample. */
	public static final List<String> DETECTIONS = List.of(DETECTION_DRIVEWAY, DETECTION_DEFAULTS);

	/** {@link CameraDetection} samples that break the contract. */
	public static final List<String> MALFORMED_DETECTIONS = List.of("camera-detection-zone-outside-frame.json",
			"camera-detection-two-point-zone.json", "camera-detection-confidence-above-one.json");

	/** Every valid {@link CameraConfig} sample. */
	public static final List<String> CONFIGS = List.of(CONFIG_BERLIN, CONFIG_DISABLED);

	/** {@link CameraConfig} samples that break the contract. */
	public static final List<String> MALFORMED_CONFIGS = List.of("camera-config-plain-password.json",
			"camera-config-bad-zone.json", "camera-config-host-name-source.json");

	private CameraSamples() {
	}

}
