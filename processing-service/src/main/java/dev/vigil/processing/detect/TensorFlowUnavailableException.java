package dev.vigil.processing.detect;

/**
 * TensorFlow's natives do not load on this platform (no build for it in the jar): the CNN
 * cannot run here at all, so HOG runs instead, whatever {@code fallback-to-hog} says.
 */
public class TensorFlowUnavailableException extends ModelUnavailableException {

	public TensorFlowUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
