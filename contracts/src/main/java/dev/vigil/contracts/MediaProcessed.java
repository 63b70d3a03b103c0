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
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MediaProcessed(UUID eventId, String mediaId, String cameraId, DerivedKeys derived,
		@Nullable Integer width, @Nullable Integer height, @Nullable Long durationMs, @Nullable Instant capturedAt,
		@Nullable String cameraModel, @Nullable String videoCodec, List<Detection> detections,
		@Nullable DetectorInfo detector, Long processingMs, ProcessingStatus status, @Nullable String reason,
		Instant processedAt, Integer schemaVersion) {

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
