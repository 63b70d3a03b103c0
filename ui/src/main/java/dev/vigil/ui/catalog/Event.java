package dev.vigil.ui.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An event: uploads of one camera stitched by the gap window.
 *
 * @param id {@code <cameraId>.<epoch millis>}
 * @param cameraId camera
 * @param start capture time of the first media
 * @param end capture time of the last media
 * @param mediaCount media in the event
 * @param imageCount images
 * @param videoCount videos
 * @param totalBytes size of the originals
 * @param thumbnailMediaId media whose thumbnail represents the event
 * @param maxPersonConfidence highest person confidence, 0 when none
 * @param labels highest confidence per label
 * @param legalHold whether any of its media is held
 * @param media its media, oldest first; only in {@code GET /events/{id}}
 */
public record Event(String id, String cameraId, Instant start, @Nullable Instant end, int mediaCount, int imageCount,
		int videoCount, long totalBytes, @Nullable String thumbnailMediaId, double maxPersonConfidence,
		List<LabelConfidence> labels, boolean legalHold, @Nullable List<Media> media) {

	public Event {
		labels = (labels != null) ? List.copyOf(labels) : List.of();
		media = (media != null) ? List.copyOf(media) : null;
	}

	public Duration duration() {
		return (this.end != null && this.end.isAfter(this.start)) ? Duration.between(this.start, this.end)
				: Duration.ZERO;
	}

	public boolean hasPerson() {
		return this.maxPersonConfidence > 0;
	}

	/** The time an event last changed, for the new-since-last-visit marker. */
	public Instant latest() {
		return (this.end != null) ? this.end : this.start;
	}

	/**
	 * The highest confidence of one label in the event.
	 *
	 * @param label label
	 * @param confidence 0 to 1
	 */
	public record LabelConfidence(String label, double confidence) {

	}

}
