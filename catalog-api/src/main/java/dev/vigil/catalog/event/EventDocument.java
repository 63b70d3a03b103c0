package dev.vigil.catalog.event;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An event: a run of uploads from one camera with no gap longer than the window. Always
 * recomputed from its media, never edited, so it is whatever its media say.
 *
 * @param id {@code <cameraId>.<epoch millis of start>}: a function of its media
 * @param cameraId camera
 * @param start capture time of the first media
 * @param end capture time of the last media
 * @param mediaCount media in the event
 * @param imageCount images
 * @param videoCount videos
 * @param totalBytes size of the originals
 * @param thumbnailMediaId media whose thumbnail represents the event
 * @param thumbnailKey that thumbnail's key
 * @param maxPersonConfidence highest person confidence among its media
 * @param labels highest confidence per detected label
 * @param legalHold whether any of its media is held
 */
@Document("events")
public record EventDocument(@Id String id, String cameraId, Instant start, Instant end, int mediaCount, int imageCount,
		int videoCount, long totalBytes, @Nullable String thumbnailMediaId, @Nullable String thumbnailKey,
		double maxPersonConfidence, List<LabelConfidence> labels, boolean legalHold) {

	public static final String COLLECTION = "events";

	/**
	 * The highest confidence of one label in an event.
	 *
	 * @param label detection label
	 * @param confidence highest confidence
	 */
	public record LabelConfidence(String label, double confidence) {

	}

}
