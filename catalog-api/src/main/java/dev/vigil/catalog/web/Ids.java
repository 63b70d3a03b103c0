package dev.vigil.catalog.web;

import dev.vigil.contracts.Identifiers;

/**
 * The shapes of identifiers the API accepts. Anything else is refused before it reaches a
 * query, which (with typed criteria) is what keeps operator injection out.
 */
public final class Ids {

	/** The wire contract's camera id rule. */
	public static final String CAMERA = Identifiers.PATTERN;

	/** The SHA-256 of a media item's content, lowercase hex. */
	public static final String SHA256 = "[0-9a-f]{64}";

	/**
	 * A media id is {@code <cameraId>.<sha256>}: content belongs to the camera that sent
	 * it. The API also accepts the bare SHA-256 where it names exactly one visible item.
	 */
	public static final String MEDIA = "(?:" + CAMERA + "\\.)?" + SHA256;

	/** Event ids are {@code <cameraId>.<epoch millis of the first upload>}. */
	public static final String EVENT = CAMERA + "\\.[0-9]{1,15}";

	/** Detection labels, e.g. {@code person}. */
	public static final String LABEL = "[a-z0-9][a-z0-9 _-]{0,31}";

	/**
	 * Names people read (a camera's display name): no control characters, so no NUL, CR
	 * or LF reaches logs, the audit trail, file names of exports or the edge.
	 */
	public static final String DISPLAY_TEXT = "[^\\p{Cc}]*";

	private Ids() {
	}

}
