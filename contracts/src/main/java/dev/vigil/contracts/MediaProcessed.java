package dev.vigil.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A media item was processed: derived media written, metadata read, detectors run.
 *
 * @param eventId unique id of this event
 * @param mediaId the content SHA-256 of the item ({@link MediaUploaded#mediaId()}); with
 * {@code cameraId} it names the item
 * @param cameraId the camera that uploaded it
 * @param derived keys of derived objects
 * @param width width in pixels after orientation correction, if known
 * @param height height in pixels after orientation correction, if known
 * @param durationMs duration of a video, if known
 * @param capturedAt capture time read from the content (EXIF, container), if any
 * @param cameraModel camera make and model from EXIF, if any
 * @param videoCodec codec of the original video, if a video
 * @param detections what the detector found, possibly nothing
 * @param detector the detector used; absent when none ran
 * @param processingMs wall time spent processing
 * @param status outcome
 * @param reason why, when the status is not {@code OK}
 * @param processedAt when processing finished
 * @param schemaVersion shape of this event; absent means 1
 * @param clip for a clip, what the detector saw over all sampled frames; absent for
 * pictures and from producers before it existed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MediaProcessed(UUID eventId, String mediaId, String cameraId, DerivedKeys derived,
		@Nullable Integer width, @Nullable Integer height, @Nullable Long durationMs, @Nullable Instant capturedAt,
		@Nullable String cameraModel, @Nullable String videoCodec, List<Detection> detections,
		@Nullable DetectorInfo detector, Long processingMs, ProcessingStatus status, @Nullable String reason,
		Instant processedAt, Integer schemaVersion, @Nullable ClipSummary clip) {

	/** The shape this code writes. */
	public static final int CURRENT_SCHEMA_VERSION = 1;

	public MediaProcessed {
		Require.present(eventId, "eventId");
		Require.sha256(mediaId, "mediaId");
		Require.identifier(cameraId, "cameraId");
		derived = (derived != null) ? derived : DerivedKeys.NONE;
		if (width != null && width <= 0) {
			throw new InvalidEventException("width", "must be positive");
		}
		if (height != null && height <= 0) {
			throw new InvalidEventException("height", "must be positive");
		}
		if (durationMs != null && durationMs < 0) {
			throw new InvalidEventException("durationMs", "must not be negative");
		}
		detections = (detections != null) ? List.copyOf(detections) : List.of();
		Require.atLeast(processingMs, 0, "processingMs");
		Require.present(status, "status");
		if (status != ProcessingStatus.OK && (reason == null || reason.isBlank())) {
			throw new InvalidEventException("reason", "is required when status is " + status);
		}
		Require.present(processedAt, "processedAt");
		schemaVersion = Require.schemaVersion(schemaVersion);
	}

	/**
	 * The shape before clip summaries, kept for producers and tests that build events
	 * field by field; prefer {@link #processed} and {@link #rejected}.
	 */
	public MediaProcessed(UUID eventId, String mediaId, String cameraId, DerivedKeys derived, @Nullable Integer width,
			@Nullable Integer height, @Nullable Long durationMs, @Nullable Instant capturedAt,
			@Nullable String cameraModel, @Nullable String videoCodec, List<Detection> detections,
			@Nullable DetectorInfo detector, Long processingMs, ProcessingStatus status, @Nullable String reason,
			Instant processedAt, Integer schemaVersion) {
		this(eventId, mediaId, cameraId, derived, width, height, durationMs, capturedAt, cameraModel, videoCodec,
				detections, detector, processingMs, status, reason, processedAt, schemaVersion, null);
	}

	/**
	 * The result of an item that produced no derived media: empty, damaged or unsupported
	 * content.
	 * @param eventId id of this event
	 * @param mediaId the item's content SHA-256
	 * @param cameraId the camera that uploaded it
	 * @param status {@code CORRUPT} or {@code UNSUPPORTED}
	 * @param reason why, for a person to read
	 * @param processingMs wall time spent
	 * @param processedAt when processing finished
	 * @return the event
	 */
	public static MediaProcessed rejected(UUID eventId, String mediaId, String cameraId, ProcessingStatus status,
			String reason, long processingMs, Instant processedAt) {
		if (status == ProcessingStatus.OK) {
			throw new InvalidEventException("status", "must not be OK for a rejected item");
		}
		return new Builder(eventId, mediaId, cameraId).build(status, reason, processingMs, processedAt);
	}

	/**
	 * Starts the result of an item whose derived media were written; the facts learnt are
	 * added one by one, the outcome last.
	 * @param eventId id of this event
	 * @param mediaId the item's content SHA-256
	 * @param cameraId the camera that uploaded it
	 * @return a builder
	 */
	public static Builder processed(UUID eventId, String mediaId, String cameraId) {
		return new Builder(eventId, mediaId, cameraId);
	}

	/**
	 * Collects what was learnt about one processed item. Not thread-safe; the event it
	 * builds is immutable and validated like one read from the wire.
	 */
	public static final class Builder {

		private final UUID eventId;

		private final String mediaId;

		private final String cameraId;

		private DerivedKeys derived = DerivedKeys.NONE;

		private @Nullable Integer width;

		private @Nullable Integer height;

		private @Nullable Long durationMs;

		private @Nullable Instant capturedAt;

		private @Nullable String cameraModel;

		private @Nullable String videoCodec;

		private List<Detection> detections = List.of();

		private @Nullable DetectorInfo detector;

		private @Nullable ClipSummary clip;

		private Builder(UUID eventId, String mediaId, String cameraId) {
			this.eventId = eventId;
			this.mediaId = mediaId;
			this.cameraId = cameraId;
		}

		public Builder derived(DerivedKeys derived) {
			this.derived = derived;
			return this;
		}

		public Builder size(int width, int height) {
			this.width = width;
			this.height = height;
			return this;
		}

		public Builder durationMs(long durationMs) {
			this.durationMs = durationMs;
			return this;
		}

		public Builder capturedAt(@Nullable Instant capturedAt) {
			this.capturedAt = capturedAt;
			return this;
		}

		public Builder cameraModel(@Nullable String cameraModel) {
			this.cameraModel = cameraModel;
			return this;
		}

		public Builder videoCodec(@Nullable String videoCodec) {
			this.videoCodec = videoCodec;
			return this;
		}

		/**
		 * What the detector found.
		 * @param detections the detections kept
		 * @param detector the detector that ran; null when none ran (or it failed)
		 * @return this builder
		 */
		public Builder detections(List<Detection> detections, @Nullable DetectorInfo detector) {
			this.detections = detections;
			this.detector = detector;
			return this;
		}

		/**
		 * What the detector saw over a clip's sampled frames.
		 * @param clip the summary
		 * @return this builder
		 */
		public Builder clip(ClipSummary clip) {
			this.clip = clip;
			return this;
		}

		/**
		 * The item processed fully.
		 * @param processingMs wall time spent
		 * @param processedAt when processing finished
		 * @return the event
		 */
		public MediaProcessed ok(long processingMs, Instant processedAt) {
			return build(ProcessingStatus.OK, null, processingMs, processedAt);
		}

		/**
		 * The item with any outcome, e.g. a clip damaged part way ({@code CORRUPT}) that
		 * still yielded a poster and a partial rendition.
		 * @param status the outcome
		 * @param reason why, required unless {@code OK}
		 * @param processingMs wall time spent
		 * @param processedAt when processing finished
		 * @return the event
		 */
		public MediaProcessed build(ProcessingStatus status, @Nullable String reason, long processingMs,
				Instant processedAt) {
			return new MediaProcessed(this.eventId, this.mediaId, this.cameraId, this.derived, this.width, this.height,
					this.durationMs, this.capturedAt, this.cameraModel, this.videoCodec, this.detections, this.detector,
					processingMs, status, reason, processedAt, CURRENT_SCHEMA_VERSION, this.clip);
		}

	}

	/**
	 * The highest confidence among detections with the given label.
	 * @param label e.g. {@code person}
	 * @return the maximum confidence, or 0 when nothing with that label was found
	 */
	public double maxConfidence(String label) {
		return this.detections.stream()
			.filter((detection) -> detection.label().equals(label))
			.mapToDouble(Detection::confidence)
			.max()
			.orElse(0.0);
	}

}
