package dev.vigil.contracts;

/**
 * Where a capture time came from, best first. Cameras' clocks drift and file names lie
 * less often than EXIF, so consumers may want to know.
 */
public enum CaptureTimeSource {

	/** Parsed from the file name with a vendor pattern. */
	FILENAME,
	/** Read from the image's EXIF data. */
	EXIF,
	/** Neither was usable: the time the edge received the file. */
	RECEIVED

}
