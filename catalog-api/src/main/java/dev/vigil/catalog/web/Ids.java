package dev.vigil.catalog.web;

/**
 * The shapes of identifiers the API accepts. Anything else is refused before it reaches a
 * query, which (with typed criteria) is what keeps operator injection out.
 */
public final class Ids {

	/** Same alphabet as the wire contract's camera ids. */
	public static final String CAMERA = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

	/** A media id is the SHA-256 of the content. */
	public static final String MEDIA = "[0-9a-f]{64}";

	/** Event ids are {@code <cameraId>.<epoch millis of the first upload>}. */
	public static final String EVENT = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}\\.[0-9]{1,15}";

	/** Detection labels, e.g. {@code person}. */
	public static final String LABEL = "[a-z0-9][a-z0-9 _-]{0,31}";

	private Ids() {
	}

}
