package dev.vigil.processing.image;

import dev.vigil.contracts.ProcessingStatus;

/**
 * The content cannot be processed, for a reason that a retry will not change. Becomes a
 * {@code MediaProcessed} with this status and message, never a redelivery.
 */
public class MediaRejectedException extends RuntimeException {

	private final ProcessingStatus status;

	public MediaRejectedException(ProcessingStatus status, String reason) {
		super(reason);
		this.status = status;
	}

	public MediaRejectedException(ProcessingStatus status, String reason, Throwable cause) {
		super(reason, cause);
		this.status = status;
	}

	public ProcessingStatus status() {
		return this.status;
	}

	public static MediaRejectedException corrupt(String reason) {
		return new MediaRejectedException(ProcessingStatus.CORRUPT, reason);
	}

	public static MediaRejectedException unsupported(String reason) {
		return new MediaRejectedException(ProcessingStatus.UNSUPPORTED, reason);
	}

}
