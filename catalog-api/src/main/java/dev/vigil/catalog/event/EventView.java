package dev.vigil.catalog.event;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import dev.vigil.catalog.event.EventDocument.LabelConfidence;
import dev.vigil.catalog.media.MediaView;

/**
 * An event as the API shows it.
 *
 * @param id event id
 * @param cameraId camera
 * @param start first capture time
 * @param end last capture time
 * @param mediaCount media in it
 * @param imageCount images
 * @param videoCount videos
 * @param totalBytes size of the originals
 * @param thumbnailMediaId media whose thumbnail represents it (content at
 * {@code /media/{id}/content?variant=thumbnail})
 * @param maxPersonConfidence highest person confidence
 * @param labels highest confidence per label
 * @param legalHold whether any media is held
 * @param media its media, oldest first (only on {@code GET /events/{id}})
 */
@Schema(description = "Uploads of one camera with no gap longer than the window")
public record EventView(@Schema(example = "driveway.1472565097000") String id, String cameraId, Instant start,
		Instant end, int mediaCount, int imageCount, int videoCount, long totalBytes, @Nullable String thumbnailMediaId,
		double maxPersonConfidence, List<LabelConfidence> labels, boolean legalHold, @Nullable List<MediaView> media) {

	public static EventView of(EventDocument event, @Nullable List<MediaView> media) {
		return new EventView(event.id(), event.cameraId(), event.start(), event.end(), event.mediaCount(),
				event.imageCount(), event.videoCount(), event.totalBytes(), event.thumbnailMediaId(),
				event.maxPersonConfidence(), event.labels(), event.legalHold(), media);
	}

}
