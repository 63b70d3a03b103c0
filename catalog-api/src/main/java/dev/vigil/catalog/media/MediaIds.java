package dev.vigil.catalog.media;

import java.util.regex.Pattern;

import dev.vigil.catalog.web.Ids;

/**
 * Media ids. The wire's {@code mediaId} is the SHA-256 of the content, unique only within
 * one camera: two cameras that send the same bytes (a test picture, a black frame) sent
 * two items, each with its own camera, capture time, path, event and hold. The catalog's
 * id therefore is {@code <cameraId>.<sha256>}; camera ids may contain dots, but the hash
 * is always the last 64 characters.
 */
final class MediaIds {

	private static final Pattern SHA256 = Pattern.compile(Ids.SHA256);

	private MediaIds() {
	}

	static String of(String cameraId, String sha256) {
		return cameraId + "." + sha256;
	}

	/** Whether a requested id is a bare content hash rather than an item id. */
	static boolean isContentHash(String id) {
		return SHA256.matcher(id).matches();
	}

}
