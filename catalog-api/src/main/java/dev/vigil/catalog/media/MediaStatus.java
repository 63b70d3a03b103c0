package dev.vigil.catalog.media;

/**
 * Processing state of a media item as the API reports it.
 */
public enum MediaStatus {

	/** Indexed, not processed yet. */
	PENDING,
	/** Processed. */
	OK,
	/** A format Vigil does not process. */
	UNSUPPORTED,
	/** Could not be decoded. */
	CORRUPT

}
