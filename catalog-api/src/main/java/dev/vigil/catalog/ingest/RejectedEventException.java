package dev.vigil.catalog.ingest;

/**
 * An event that no retry can make acceptable: malformed, breaking its contract, or of a
 * newer schema than this service understands. Configured as not retryable, so it goes
 * straight to the dead-letter topic.
 */
public class RejectedEventException extends RuntimeException {

	RejectedEventException(String message, Throwable cause) {
		super(message, cause);
	}

	RejectedEventException(String message) {
		super(message);
	}

}
