package dev.vigil.ui.catalog;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A media item as catalog-api's {@code MediaView} shows it.
 *
 * @param id media id (SHA-256)
 * @param cameraId camera
 * @param kind {@code IMAGE} or {@code VIDEO}
 * @param contentType MIME type of the original
 * @param sizeBytes size of the original
 * @param takenAt capture time
 * @param receivedAt when the edge received it
 * @param eventId the event it belongs to
 * @param status processing status
 * @param reason why processing failed
 * @param width pixels
 * @param height pixels
 * @param durationMs video duration
 * @param detections what the detector found
 * @param variants content variants that exist
 * @param legalHold whether it is held
 * @param clip a clip's summary over all sampled frames; absent for pictures
 */
public record Media(String id, String cameraId, @Nullable String kind, @Nullable String contentType,
		@Nullable Long sizeBytes, @Nullable Instant takenAt, @Nullable Instant receivedAt, @Nullable String eventId,
		@Nullable String status, @Nullable String reason, @Nullable Integer width, @Nullable Integer height,
		@Nullable Long durationMs, List<Detection> detections, List<String> variants, boolean legalHold,
		@Nullable Clip clip) {

	public Media {
		detections = (detections != null) ? List.copyOf(detections) : List.of();
		variants = (variants != null) ? List.copyOf(variants) : List.of();
	}

	public boolean isVideo() {
		return "VIDEO".equals(this.kind);
	}

	public boolean has(String variant) {
		return this.variants.contains(variant);
	}

	/**
	 * The highest person confidence not marked wrong by a user.
	 * @return 0 to 1; 0 when no person was found
	 */
	public double personConfidence() {
		return this.detections.stream()
			.filter((detection) -> "person".equals(detection.label()) && !detection.falsePositive())
			.mapToDouble(Detection::confidence)
			.max()
			.orElse(0.0);
	}

	/**
	 * Detections that can be drawn over the picture: images only (video detections belong
	 * to one frame) and only when the picture's size is known.
	 * @return drawable detections
	 */
	public List<Detection> boxes() {
		if (isVideo() || this.width == null || this.height == null) {
			return List.of();
		}
		return this.detections;
	}

	/**
	 * One detection.
	 *
	 * @param index position, for feedback
	 * @param label what was found
	 * @param confidence 0 to 1
	 * @param box where, in pixels of the picture
	 * @param frameMs video frame offset
	 * @param falsePositive whether a user marked it wrong
	 */
	public record Detection(int index, String label, double confidence, Box box, @Nullable Long frameMs,
			boolean falsePositive) {

	}

	/**
	 * What the detector saw over all of a clip's sampled frames ({@code detections} keep
	 * only the best few).
	 *
	 * @param sampledFrames frames the detector looked at
	 * @param posterFrameMs offset of the frame the poster shows
	 * @param labels one entry per label seen, best first
	 */
	public record Clip(int sampledFrames, @Nullable Long posterFrameMs, List<ClipLabel> labels) {

		public Clip {
			labels = (labels != null) ? List.copyOf(labels) : List.of();
		}

	}

	/**
	 * One label in a clip.
	 *
	 * @param label e.g. {@code person}
	 * @param maxConfidence its best confidence in any sampled frame, 0 to 1
	 * @param bestFrameMs offset of the frame with that confidence
	 * @param frameMs offsets of every sampled frame with the label
	 */
	public record ClipLabel(String label, double maxConfidence, long bestFrameMs, List<Long> frameMs) {

		public ClipLabel {
			frameMs = (frameMs != null) ? List.copyOf(frameMs) : List.of();
		}

	}

	/**
	 * A rectangle in pixels, origin top left.
	 *
	 * @param x left
	 * @param y top
	 * @param width width
	 * @param height height
	 */
	public record Box(int x, int y, int width, int height) {

	}

}
