package dev.vigil.notify.intake;

/**
 * A record that breaks the contract: not retried, dead-lettered at once.
 */
public class RejectedRecordException extends RuntimeException {

	RejectedRecordException(String message, Throwable cause) {
		super(message, cause);
	}

	RejectedRecordException(String message) {
		super(message);
	}

}
