package dev.vigil.catalog.export;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Names in and of an export, built only from the camera id, capture times and the media
 * kind, never from client input or stored paths: {@code [A-Za-z0-9._-]} only, no
 * directories, so an entry cannot escape the folder it is unpacked into.
 */
final class ExportNames {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmm");

	private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmmss");

	private ExportNames() {
	}

	/**
	 * {@code porch_2026-12-02_0614.zip}: camera and event start on the camera's clock.
	 */
	static String zip(String cameraId, Instant start, ZoneId zone) {
		return safe(cameraId) + "_" + MINUTE.format(start.atZone(zone)) + ".zip";
	}

	/**
	 * {@code 001_porch_2026-12-02_061423_original.jpg}: the index keeps names unique when
	 * two items share a second.
	 */
	static String entry(int index, String cameraId, @Nullable Instant at, ZoneId zone, String part,
			@Nullable String key) {
		String time = SECOND.format(((at != null) ? at : Instant.EPOCH).atZone(zone));
		return String.format(Locale.ROOT, "%03d", index) + "_" + safe(cameraId) + "_" + time + "_" + part
				+ extension(key);
	}

	private static String extension(@Nullable String key) {
		if (key == null) {
			return "";
		}
		String name = key.substring(key.lastIndexOf('/') + 1);
		int dot = name.lastIndexOf('.');
		String extension = (dot >= 0) ? name.substring(dot).toLowerCase(Locale.ROOT) : "";
		return extension.matches("\\.[a-z0-9]{1,5}") ? extension : "";
	}

	private static String safe(String cameraId) {
		String safe = cameraId.replaceAll("[^A-Za-z0-9_-]", "_");
		return safe.isEmpty() ? "camera" : safe;
	}

}
