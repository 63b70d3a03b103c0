package dev.vigil.processing.storage;

import org.springframework.util.unit.DataSize;

/**
 * An original is bigger than this service is configured to download. Not worth retrying.
 */
public class OriginalTooLargeException extends RuntimeException {

	public OriginalTooLargeException(String key, long size, DataSize limit) {
		super("Original " + key + " has " + size + " bytes, more than the limit of " + limit.toBytes());
	}

}
