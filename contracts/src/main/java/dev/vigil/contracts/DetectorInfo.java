package dev.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Which detector produced the detections, so results of different detectors can be told
 * apart and re-run.
 *
 * @param name e.g. {@code opencv-hog}
 * @param version the detector's version or model revision
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DetectorInfo(String name, String version) {

	public DetectorInfo {
		Require.text(name, "detector.name");
		Require.text(version, "detector.version");
	}

}
