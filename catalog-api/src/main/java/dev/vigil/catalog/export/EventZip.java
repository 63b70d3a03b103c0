package dev.vigil.catalog.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.vigil.catalog.event.EventDocument;
import dev.vigil.catalog.media.MediaDocument;
import dev.vigil.catalog.media.MediaDocument.StoredDetection;
import dev.vigil.catalog.storage.ObjectStore;
import dev.vigil.catalog.storage.ObjectStore.ObjectInfo;

/**
 * Writes one event as a zip: each item's original and, for videos, its browser rendition,
 * streamed object by object from the store (never a whole object in memory), then
 * {@code event.json} and {@code event.csv} with times and detections. An object the store
 * no longer has is listed as missing in both rather than failing the download half-way.
 */
final class EventZip {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final EventDocument event;

	private final List<MediaDocument> items;

	private final ZoneId zone;

	private final ObjectStore store;

	EventZip(EventDocument event, List<MediaDocument> items, ZoneId zone, ObjectStore store) {
		this.event = event;
		this.items = items;
		this.zone = zone;
		this.store = store;
	}

	void writeTo(OutputStream out) throws IOException {
		ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		// Pictures and clips are compressed already.
		zip.setLevel(Deflater.BEST_SPEED);
		List<Map<String, Object>> manifest = new ArrayList<>();
		StringBuilder csv = new StringBuilder(
				"index,mediaId,kind,capturedAtUtc,capturedAtLocal,original,rendition,label,confidence,x,y,width,height,frameMs\n");
		int index = 0;
		for (MediaDocument media : this.items) {
			index++;
			String original = copy(zip, media, media.objectKey(), index, "original");
			String rendition = copy(zip, media, media.renditionKey(), index, "rendition");
			manifest.add(describe(media, original, rendition));
			appendRows(csv, index, media, original, rendition);
		}
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("eventId", this.event.id());
		document.put("cameraId", this.event.cameraId());
		document.put("timeZone", this.zone.getId());
		document.put("start", this.event.start().toString());
		document.put("end", this.event.end().toString());
		document.put("startLocal", this.event.start().atZone(this.zone).toLocalDateTime().toString());
		document.put("labels", this.event.labels());
		document.put("media", manifest);
		put(zip, "event.json", JSON.writeValueAsBytes(document));
		put(zip, "event.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
		zip.finish();
		zip.flush();
	}

	/** Streams one object into its entry; its entry name, "missing", or null if none. */
	private @Nullable String copy(ZipOutputStream zip, MediaDocument media, @Nullable String key, int index,
			String part) throws IOException {
		if (key == null || media.bucket() == null) {
			return null;
		}
		ObjectInfo info = this.store.stat(media.bucket(), key);
		if (info == null) {
			return "missing";
		}
		String name = ExportNames.entry(index, this.event.cameraId(), media.takenAt(), this.zone, part, key);
		zip.putNextEntry(new ZipEntry(name));
		if (info.size() > 0) {
			try (InputStream in = this.store.open(media.bucket(), key, 0, info.size())) {
				in.transferTo(zip);
			}
		}
		zip.closeEntry();
		return name;
	}

	private Map<String, Object> describe(MediaDocument media, @Nullable String original, @Nullable String rendition) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("mediaId", media.id());
		item.put("sha256", media.sha256());
		item.put("kind", media.kind());
		item.put("contentType", media.contentType());
		item.put("sizeBytes", media.sizeBytes());
		item.put("capturedAt", (media.takenAt() != null) ? media.takenAt().toString() : null);
		item.put("capturedAtLocal",
				(media.takenAt() != null) ? media.takenAt().atZone(this.zone).toLocalDateTime().toString() : null);
		item.put("original", original);
		item.put("rendition", rendition);
		item.put("detections", (media.detections() != null) ? media.detections() : List.of());
		return item;
	}

	private void appendRows(StringBuilder csv, int index, MediaDocument media, @Nullable String original,
			@Nullable String rendition) {
		String utc = (media.takenAt() != null) ? media.takenAt().toString() : "";
		String local = (media.takenAt() != null) ? media.takenAt().atZone(this.zone).toLocalDateTime().toString() : "";
		String prefix = index + "," + cell(media.id()) + "," + ((media.kind() != null) ? media.kind() : "") + "," + utc
				+ "," + local + "," + cell(original) + "," + cell(rendition) + ",";
		List<StoredDetection> detections = (media.detections() != null) ? media.detections() : List.of();
		if (detections.isEmpty()) {
			csv.append(prefix).append(",,,,,,\n");
			return;
		}
		for (StoredDetection detection : detections) {
			csv.append(prefix)
				.append(cell(detection.label()))
				.append(',')
				.append(detection.confidence())
				.append(',')
				.append(detection.x())
				.append(',')
				.append(detection.y())
				.append(',')
				.append(detection.width())
				.append(',')
				.append(detection.height())
				.append(',')
				.append((detection.frameMs() != null) ? detection.frameMs() : "")
				.append('\n');
		}
	}

	/** RFC 4180 quoting, and no leading formula character for spreadsheets. */
	private static String cell(@Nullable String value) {
		if (value == null) {
			return "";
		}
		String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
		if (safe.contains(",") || safe.contains("\"") || safe.contains("\n")) {
			return "\"" + safe.replace("\"", "\"\"") + "\"";
		}
		return safe;
	}

	private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(bytes);
		zip.closeEntry();
	}

}
