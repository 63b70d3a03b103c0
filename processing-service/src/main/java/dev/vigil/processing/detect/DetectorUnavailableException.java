package dev.vigil.processing.detect;

/**
 * A detector could not answer (an external service down, a bad response).
 */
public class DetectorUnavailableException extends RuntimeException {

	public DetectorUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

	public DetectorUnavailableException(String message) {
		super(message);
	}

}
