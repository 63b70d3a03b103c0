package dev.vigil.ingest.intake;

import dev.vigil.contracts.MediaKind;
import org.jspecify.annotations.Nullable;

/**
 * What content sniffing found in a file.
 *
 * @param contentType MIME type, {@code null} when the bytes are not a supported media
 * type
 * @param extension file extension for the object key (without dot)
 * @param kind image or video
 * @param problem why the file cannot be taken (empty, truncated, not media), or
 * {@code null} when it is complete
 */
record Sniffed(@Nullable String contentType, String extension, @Nullable MediaKind kind, @Nullable Problem problem) {

	enum Problem {

		EMPTY("empty"), TRUNCATED("truncated"), NOT_MEDIA("not-media");

		final String tag;

		Problem(String tag) {
			this.tag = tag;
		}

	}

	static Sniffed complete(String contentType, String extension, MediaKind kind) {
		return new Sniffed(contentType, extension, kind, null);
	}

	static Sniffed truncated(String contentType, String extension, MediaKind kind) {
		return new Sniffed(contentType, extension, kind, Problem.TRUNCATED);
	}

	static Sniffed rejected(Problem problem) {
		return new Sniffed(null, "bin", null, problem);
	}

	boolean isComplete() {
		return this.problem == null;
	}

}
