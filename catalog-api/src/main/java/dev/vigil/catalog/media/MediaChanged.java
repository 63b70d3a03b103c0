package dev.vigil.catalog.media;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.vigil.contracts.MediaKind;

/**
 * Published in-process after a media item was indexed or changed, for counters and live
 * updates. Not published for redeliveries.
 *
 * @param change what happened
 * @param mediaId media
 * @param cameraId camera
 * @param kind image or video, when known
 * @param takenAt sort time, when known
 * @param receivedAt receive time, when known
 * @param eventId the event it belongs to, when known
 * @param personConfidence highest person confidence, when processed
 */
public record MediaChanged(Change change, String mediaId, String cameraId, @Nullable MediaKind kind,
		@Nullable Instant takenAt, @Nullable Instant receivedAt, @Nullable String eventId,
		@Nullable Double personConfidence) {

	/**
	 * Kinds of change.
	 */
	public enum Change {

		/** The upload was indexed for the first time: a new item is visible. */
		UPLOADED,
		/** Processing results were added. */
		PROCESSED,
		/** The item was deleted. */
		DELETED

	}

	static MediaChanged of(Change change, MediaDocument media) {
		return new MediaChanged(change, media.id(), media.cameraId(), media.kind(), media.takenAt(), media.receivedAt(),
				media.eventId(), media.personConfidence());
	}

}
