package dev.vigil.ingest.spool;

import java.io.IOException;

/**
 * The spool is above its high-water mark: the upload must be refused (452), never
 * acknowledged.
 */
public class SpoolFullException extends IOException {

	SpoolFullException(String message) {
		super(message);
	}

}
