package dev.vigil.processing.detect;

import org.jspecify.annotations.Nullable;

/**
 * A detector's model cannot be used: a file missing, damaged or with the wrong checksum,
 * or the runtime that runs it absent on this platform.
 */
public class ModelUnavailableException extends RuntimeException {

	public ModelUnavailableException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
