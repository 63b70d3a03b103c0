package dev.vigil.contracts;

/**
 * Outcome of processing one media item.
 */
public enum ProcessingStatus {

	/** Derived media and detections were produced. */
	OK,
	/** The content is valid but of a type or format Vigil does not process. */
	UNSUPPORTED,
	/** The content could not be decoded (truncated, empty or damaged). */
	CORRUPT

}
