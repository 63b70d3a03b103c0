package dev.vigil.processing.detect;

import java.awt.image.BufferedImage;
import java.util.List;

import dev.vigil.contracts.Detection;

/**
 * Finds things in a picture. The seam for other detectors (an ONNX model, a remote
 * service): implementations say who they are, so results of different detectors stay
 * apart, and return boxes in the pixels of the image they were given.
 */
public interface Detector {

	/**
	 * A stable name, e.g. {@code opencv-hog}.
	 * @return the name carried in {@code MediaProcessed.detector}
	 */
	String name();

	/**
	 * The version of the detector or its model.
	 * @return the version carried in {@code MediaProcessed.detector}
	 */
	String version();

	/**
	 * Runs the detector on one upright image. Must be safe to call from several threads.
	 * @param image the image
	 * @return what was found, unfiltered by per-camera settings, confidence 0 to 1; boxes
	 * inside the image; {@code frameMs} absent
	 */
	List<Detection> detect(BufferedImage image);

}
