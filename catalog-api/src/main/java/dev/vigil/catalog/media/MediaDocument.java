package dev.vigil.catalog.media;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.vigil.contracts.CaptureTimeSource;
import dev.vigil.contracts.MediaKind;

/**
 * One media item as stored. Fields from {@code MediaUploaded} and from
 * {@code MediaProcessed} are disjoint, so each event sets its own and the document is the
 * same whichever arrives first. {@code takenAt}, {@code day} and {@code eventId} are
 * derived after each change.
 *
 * @param id the media id, {@code <cameraId>.<sha256>} ({@link MediaIds}): an item belongs
 * to the camera that sent it, so the same bytes from two cameras are two items
 * @param sha256 SHA-256 of the content (the wire's {@code mediaId}), indexed for look-ups
 * by content
 * @param cameraId camera
 * @param edgeNodeId edge node that received it
 * @param kind image or video
 * @param contentType MIME type
 * @param sizeBytes size of the original
 * @param bucket bucket of all its objects
 * @param objectKey key of the original
 * @param originalPath path the camera uploaded to
 * @param capturedAt capture time known at upload (file name)
 * @param capturedAtSource where that came from
 * @param receivedAt when the edge took it; present once the upload event was indexed
 * @param uploadEventId id of the upload event applied
 * @param thumbnailKey derived thumbnail
 * @param posterKey derived poster
 * @param renditionKey derived browser rendition
 * @param width pixels
 * @param height pixels
 * @param durationMs video duration
 * @param contentCapturedAt capture time read from the content
 * @param cameraModel EXIF make/model
 * @param videoCodec codec of the original video
 * @param detections detector results
 * @param detectorName detector
 * @param detectorVersion detector version
 * @param processingMs processing time
 * @param status PENDING until processed, then the processing status
 * @param reason why processing did not succeed
 * @param processedAt when processing finished
 * @param processEventId id of the processing event applied
 * @param personConfidence highest person confidence, 0 when none
 * @param takenAt the best known capture time: the sort key of every listing
 * @param day UTC day of {@code takenAt}, {@code yyyy-MM-dd}, for statistics
 * @param eventId the event it was stitched into
 * @param listed whether the upload is indexed and the item is visible
 * @param legalHold whether retention and deletion must leave it alone
 * @param deletedAt set when deleted: the document stays as a tombstone so that a
 * redelivered event cannot resurrect it
 * @param feedback users' verdicts on detections
 * @param version incremented on every change, for optimistic updates of derived fields
 * @param clip what the detector saw over a clip's sampled frames; absent for pictures and
 * when detection did not run
 */
@Document("media")
public record MediaDocument(@Id String id, @Nullable String sha256, String cameraId, @Nullable String edgeNodeId,
		@Nullable MediaKind kind, @Nullable String contentType, @Nullable Long sizeBytes, @Nullable String bucket,
		@Nullable String objectKey, @Nullable String originalPath, @Nullable Instant capturedAt,
		@Nullable CaptureTimeSource capturedAtSource, @Nullable Instant receivedAt, @Nullable String uploadEventId,
		@Nullable String thumbnailKey, @Nullable String posterKey, @Nullable String renditionKey,
		@Nullable Integer width, @Nullable Integer height, @Nullable Long durationMs,
		@Nullable Instant contentCapturedAt, @Nullable String cameraModel, @Nullable String videoCodec,
		@Nullable List<StoredDetection> detections, @Nullable String detectorName, @Nullable String detectorVersion,
		@Nullable Long processingMs, @Nullable String status, @Nullable String reason, @Nullable Instant processedAt,
		@Nullable String processEventId, @Nullable Double personConfidence, @Nullable Instant takenAt,
		@Nullable String day, @Nullable String eventId, @Nullable Boolean listed, @Nullable Boolean legalHold,
		@Nullable Instant deletedAt, @Nullable List<Feedback> feedback, @Nullable Long version,
		@Nullable StoredClip clip) {

	static final String COLLECTION = "media";

	/**
	 * The capture time every listing sorts by: the camera's own (file name) time, else
	 * the time read from the content, else when the edge received it. A pure function of
	 * the stored fields, so it converges whatever order the events came in.
	 * @return the time, or null before the upload is indexed
	 */
	@Nullable Instant bestTime() {
		if (this.capturedAt != null) {
			return this.capturedAt;
		}
		if (this.contentCapturedAt != null) {
			return this.contentCapturedAt;
		}
		return this.receivedAt;
	}

	/**
	 * Whether the upload event was applied and the item is not deleted: it can be listed.
	 */
	boolean isIndexed() {
		return this.receivedAt != null && this.deletedAt == null;
	}

	boolean isListed() {
		return Boolean.TRUE.equals(this.listed) && this.deletedAt == null;
	}

	boolean isHeld() {
		return Boolean.TRUE.equals(this.legalHold);
	}

	long versionOrZero() {
		return (this.version != null) ? this.version : 0;
	}

	/**
	 * Every object of this item in the store.
	 * @return keys of the original and its derived objects
	 */
	List<String> objectKeys() {
		return java.util.stream.Stream.of(this.objectKey, this.thumbnailKey, this.posterKey, this.renditionKey)
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	/**
	 * One detection as stored.
	 *
	 * @param label what was found
	 * @param confidence 0 to 1
	 * @param x box left
	 * @param y box top
	 * @param width box width
	 * @param height box height
	 * @param frameMs video frame offset
	 * @param bucket confidence decile 0-9, for the histogram
	 */
	public record StoredDetection(String label, double confidence, int x, int y, int width, int height,
			@Nullable Long frameMs, int bucket) {

	}

	/**
	 * A clip's detection summary as stored.
	 *
	 * @param sampledFrames frames the detector looked at
	 * @param posterFrameMs offset of the frame the poster shows
	 * @param labels per label seen, best first
	 */
	public record StoredClip(int sampledFrames, @Nullable Long posterFrameMs, List<StoredClipLabel> labels) {

	}

	/**
	 * One label over a clip's sampled frames.
	 *
	 * @param label e.g. {@code person}
	 * @param maxConfidence best confidence in any sampled frame
	 * @param bestFrameMs offset of the frame with it
	 * @param frameMs offsets of every sampled frame with the label, in clip order
	 */
	public record StoredClipLabel(String label, double maxConfidence, long bestFrameMs, List<Long> frameMs) {

	}

	/**
	 * A user's verdict on one detection.
	 *
	 * @param detection index into {@code detections}
	 * @param label the label the verdict is about
	 * @param falsePositive whether the detection was wrong
	 * @param comment optional note
	 * @param by who said so
	 * @param at when
	 */
	public record Feedback(int detection, String label, boolean falsePositive, @Nullable String comment, String by,
			Instant at) {

	}

}
