package dev.vigil.processing.video;

import java.awt.image.BufferedImage;

/**
 * Receives the sampled frames of a clip (e.g. for detection).
 */
@FunctionalInterface
public interface FrameSampler {

	/**
	 * One sampled frame.
	 * @param frame the frame; owned by the callee
	 * @param frameMs its offset in the clip
	 */
	void sample(BufferedImage frame, long frameMs);

}
