package dev.vigil.ingest.spool;

import java.time.Instant;
import java.util.UUID;

import dev.vigil.contracts.CaptureTimeSource;
import dev.vigil.contracts.MediaKind;
import org.jspecify.annotations.Nullable;

/**
 * One taken upload waiting to be published: a {@code P} line of the spool journal. The
 * event id is fixed here, so a redelivery after a crash carries the same id.
 *
 * @param seq position in the spool; per camera, items are published in this order
 * @param eventId id of the {@code MediaUploaded} event this item becomes
 * @param cameraId uploading camera
 * @param sha256 hex SHA-256 of the content (also the media id)
 * @param sizeBytes size of the content
 * @param contentType sniffed MIME type
 * @param extension object key extension
 * @param kind image or video
 * @param originalPath path the camera uploaded to, relative to its home
 * @param capturedAt capture time
 * @param capturedAtSource where the capture time came from
 * @param receivedAt when the edge took the file
 */
public record SpoolRecord(long seq, UUID eventId, String cameraId, String sha256, long sizeBytes, String contentType,
		String extension, MediaKind kind, String originalPath, @Nullable Instant capturedAt,
		@Nullable CaptureTimeSource capturedAtSource, Instant receivedAt) {

	/** What the intake knows before the spool assigns a position. */
	public record Draft(String cameraId, String sha256, long sizeBytes, String contentType, String extension,
			MediaKind kind, String originalPath, @Nullable Instant capturedAt,
			@Nullable CaptureTimeSource capturedAtSource, Instant receivedAt) {

		SpoolRecord at(long seq) {
			return new SpoolRecord(seq, UUID.randomUUID(), this.cameraId, this.sha256, this.sizeBytes, this.contentType,
					this.extension, this.kind, this.originalPath, this.capturedAt, this.capturedAtSource,
					this.receivedAt);
		}

	}

}
