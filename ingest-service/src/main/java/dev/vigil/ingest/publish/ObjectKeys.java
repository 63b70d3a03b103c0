package dev.vigil.ingest.publish;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.vigil.ingest.spool.SpoolRecord;

/** The object layout of ARCHITECTURE.md: content-addressed, so re-uploads overwrite. */
final class ObjectKeys {

	private static final DateTimeFormatter HOUR_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd/HH")
		.withZone(ZoneOffset.UTC);

	private ObjectKeys() {
	}

	/** {@code originals/{cameraId}/{yyyy}/{MM}/{dd}/{HH}/{sha256}.{ext}}, hour in UTC. */
	static String original(SpoolRecord record) {
		Instant time = (record.capturedAt() != null) ? record.capturedAt() : record.receivedAt();
		return "originals/" + record.cameraId() + "/" + HOUR_PATH.format(time) + "/" + record.sha256() + "."
				+ record.extension();
	}

}
