package dev.vigil.processing.pipeline;

/**
 * An event that can never be processed: unparsable, breaking the contract, of a newer
 * schema, or naming a bucket this service does not serve. Dead-lettered at once, with
 * this message in the {@code x-exception-message} header.
 */
public class PoisonEventException extends RuntimeException {

	public PoisonEventException(String message) {
		super(message);
	}

	public PoisonEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
