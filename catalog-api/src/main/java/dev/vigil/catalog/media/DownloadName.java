package dev.vigil.catalog.media;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The file name a downloaded item is saved under: camera and capture time in the camera's
 * zone, with the original's extension ({@code porch_2026-12-02_061423.jpg}), instead of
 * the object store's hash key. Only {@code [A-Za-z0-9._-]}, so it is safe in a header and
 * on every file system.
 */
final class DownloadName {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmmss");

	private DownloadName() {
	}

	static String of(MediaDocument media, String key, ZoneId zone) {
		Instant at = (media.takenAt() != null) ? media.takenAt() : Instant.EPOCH;
		String camera = media.cameraId().replaceAll("[^A-Za-z0-9._-]", "_");
		String name = key.substring(key.lastIndexOf('/') + 1);
		int dot = name.lastIndexOf('.');
		String extension = (dot >= 0) ? name.substring(dot).toLowerCase(java.util.Locale.ROOT) : "";
		if (!extension.matches("\\.[a-z0-9]{1,5}")) {
			extension = "";
		}
		return camera + "_" + TIME.format(at.atZone(zone)) + extension;
	}

}
