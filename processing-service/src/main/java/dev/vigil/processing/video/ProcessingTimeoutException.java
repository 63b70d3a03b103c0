package dev.vigil.processing.video;

import java.time.Duration;

/**
 * Processing took longer than allowed. The same content would take as long again, so it
 * is not retried.
 */
public class ProcessingTimeoutException extends RuntimeException {

	public ProcessingTimeoutException(Duration limit) {
		super("Processing took longer than " + limit);
	}

}
