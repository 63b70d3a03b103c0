package dev.vigil.contracts;

/**
 * A wire event that no retry can make acceptable: not JSON, not an object, of a newer
 * schema than this code reads, or breaking its contract. Consumers dead-letter it at
 * once; the message says what was wrong.
 */
public class RejectedEventException extends RuntimeException {

	public RejectedEventException(String message) {
		super(message);
	}

	public RejectedEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
