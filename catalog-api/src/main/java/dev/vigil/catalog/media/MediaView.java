package dev.vigil.catalog.media;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import dev.vigil.catalog.media.MediaDocument.Feedback;
import dev.vigil.catalog.media.MediaDocument.StoredClip;
import dev.vigil.catalog.media.MediaDocument.StoredClipLabel;
import dev.vigil.catalog.media.MediaDocument.StoredDetection;
import dev.vigil.contracts.MediaKind;

/**
 * A media item as the API shows it.
 *
 * @param id media id, {@code <cameraId>.<sha256>}
 * @param cameraId camera
 * @param kind image or video
 * @param contentType MIME type of the original
 * @param sizeBytes size of the original
 * @param takenAt capture time used for sorting
 * @param receivedAt when the edge received it
 * @param eventId the event it belongs to
 * @param status processing status
 * @param reason why processing did not succeed
 * @param width pixels
 * @param height pixels
 * @param durationMs video duration
 * @param detections what the detector found
 * @param variants content variants that exist ({@code original}, {@code thumbnail}, ...)
 * @param legalHold whether it is protected from deletion
 * @param edgeNodeId edge node
 * @param originalPath path the camera uploaded to
 * @param sha256 SHA-256 of the content (the same bytes from two cameras are two items)
 * @param clip for clips: what the detector saw over all sampled frames (the
 * {@code detections} keep only the best few); absent for pictures and when detection did
 * not run
 */
@Schema(description = "A picture or clip from a camera")
public record MediaView(
		@Schema(example = "driveway.9f2c1a7d5e4b3c2a1f0e9d8c7b6a5f4e3d2c1b0a99887766554433221100ffee") String id,
		@Schema(example = "driveway") String cameraId, @Nullable MediaKind kind, @Nullable String contentType,
		@Nullable Long sizeBytes, @Schema(example = "2016-08-30T13:51:37Z") @Nullable Instant takenAt,
		@Nullable Instant receivedAt, @Schema(example = "driveway.1472565097000") @Nullable String eventId,
		@Nullable String status, @Nullable String reason, @Nullable Integer width, @Nullable Integer height,
		@Nullable Long durationMs, List<DetectionView> detections, List<String> variants, boolean legalHold,
		@Nullable String edgeNodeId, @Nullable String originalPath,
		@Schema(example = "9f2c1a7d5e4b3c2a1f0e9d8c7b6a5f4e3d2c1b0a99887766554433221100ffee") @Nullable String sha256,
		@Nullable ClipView clip) {

	static MediaView of(MediaDocument media) {
		List<DetectionView> detections = new ArrayList<>();
		List<StoredDetection> stored = (media.detections() != null) ? media.detections() : List.of();
		for (int i = 0; i < stored.size(); i++) {
			StoredDetection d = stored.get(i);
			int index = i;
			boolean falsePositive = media.feedback() != null && media.feedback()
				.stream()
				.filter((f) -> f.detection() == index)
				.reduce((first, second) -> second)
				.map(Feedback::falsePositive)
				.orElse(false);
			detections.add(new DetectionView(i, d.label(), d.confidence(), new Box(d.x(), d.y(), d.width(), d.height()),
					d.frameMs(), falsePositive));
		}
		List<String> variants = new ArrayList<>();
		for (ContentVariant variant : ContentVariant.values()) {
			if (variant.key(media) != null) {
				variants.add(variant.name().toLowerCase(java.util.Locale.ROOT));
			}
		}
		return new MediaView(media.id(), media.cameraId(), media.kind(), media.contentType(), media.sizeBytes(),
				media.takenAt(), media.receivedAt(), media.eventId(), media.status(), media.reason(), media.width(),
				media.height(), media.durationMs(), detections, variants, media.isHeld(), media.edgeNodeId(),
				media.originalPath(), media.sha256(), ClipView.of(media.clip()));
	}

	/**
	 * One detection.
	 *
	 * @param index position, used to give feedback on it
	 * @param label what was found
	 * @param confidence 0 to 1
	 * @param box where
	 * @param frameMs video frame offset
	 * @param falsePositive whether a user marked it wrong
	 */
	public record DetectionView(int index, @Schema(example = "person") String label,
			@Schema(example = "0.91") double confidence, Box box, @Nullable Long frameMs, boolean falsePositive) {

	}

	/**
	 * A clip's detection summary.
	 *
	 * @param sampledFrames frames the detector looked at
	 * @param posterFrameMs offset of the frame the poster shows: the frame with the best
	 * detection, else the one with the most motion
	 * @param labels one entry per label seen, best first
	 */
	public record ClipView(@Schema(example = "8") int sampledFrames,
			@Schema(example = "3000") @Nullable Long posterFrameMs, List<ClipLabel> labels) {

		static @Nullable ClipView of(@Nullable StoredClip clip) {
			if (clip == null) {
				return null;
			}
			List<StoredClipLabel> labels = (clip.labels() != null) ? clip.labels() : List.of();
			return new ClipView(clip.sampledFrames(), clip.posterFrameMs(),
					labels.stream()
						.map((l) -> new ClipLabel(l.label(), l.maxConfidence(), l.bestFrameMs(),
								(l.frameMs() != null) ? l.frameMs() : List.of()))
						.toList());
		}

	}

	/**
	 * One label over a clip.
	 *
	 * @param label what was found
	 * @param maxConfidence its best confidence in any sampled frame
	 * @param bestFrameMs offset of the frame with that confidence (seek the player there)
	 * @param frameMs offsets of every sampled frame with the label, in clip order
	 */
	public record ClipLabel(@Schema(example = "person") String label, @Schema(example = "0.82") double maxConfidence,
			@Schema(example = "3000") long bestFrameMs, List<Long> frameMs) {

	}

	/**
	 * A box in pixels.
	 *
	 * @param x left
	 * @param y top
	 * @param width width
	 * @param height height
	 */
	public record Box(int x, int y, int width, int height) {

	}

}
