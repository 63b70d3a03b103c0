package dev.vigil.processing.video;

/**
 * How the browser rendition of a clip was made, cheapest first.
 */
public enum Rendition {

	/** The original already was a fast-start H.264 MP4: copied byte for byte. */
	COPIED,
	/** H.264 in another container (Matroska, non-fast-start MP4): packets copied. */
	REMUXED,
	/** Decoded and encoded again as H.264. */
	TRANSCODED

}
