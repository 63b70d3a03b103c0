package dev.vigil.processing.storage;

/**
 * The object store could not be reached or refused a request. Retryable: outages pass.
 */
public class StorageException extends RuntimeException {

	public StorageException(String message, Throwable cause) {
		super(message, cause);
	}

}
