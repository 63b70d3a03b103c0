package dev.vigil.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A motion event (uploads of one camera stitched by the catalog's gap window) opened,
 * gained a label or a higher confidence, or closed. Published by catalog-api through an
 * outbox, so a record can be delivered more than once: {@code (motionEventId, revision)}
 * identifies it, and a higher revision of one motion event supersedes a lower one.
 *
 * @param eventId unique id of this record
 * @param motionEventId the catalog's event id
 * ({@code <cameraId>.<epoch millis of start>})
 * @param revision 1 for {@code OPENED}, one more for each later record of this motion
 * event
 * @param type what happened
 * @param cameraId the camera
 * @param start capture time of the event's first media
 * @param end capture time of its last media so far
 * @param mediaCount media in the event so far
 * @param labels the best detection per label, highest score first; empty until a detector
 * found something
 * @param snapshot the thumbnail that represents the event, if any
 * @param changedAt when the catalog saw the change
 * @param schemaVersion shape of this record; absent means 1
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MotionEventChanged(UUID eventId, String motionEventId, Integer revision, MotionEventChange type,
		String cameraId, Instant start, Instant end, Integer mediaCount, List<LabelScore> labels,
		@Nullable Snapshot snapshot, Instant changedAt, Integer schemaVersion) {

	/** The shape this code writes. */
	public static final int CURRENT_SCHEMA_VERSION = 1;

	public MotionEventChanged {
		Require.present(eventId, "eventId");
		Require.text(motionEventId, "motionEventId");
		if (Require.present(revision, "revision") < 1) {
			throw new InvalidEventException("revision", "must be at least 1");
		}
		Require.present(type, "type");
		Require.identifier(cameraId, "cameraId");
		Require.present(start, "start");
		Require.present(end, "end");
		if (end.isBefore(start)) {
			throw new InvalidEventException("end", "must not be before start");
		}
		if (Require.present(mediaCount, "mediaCount") < 0) {
			throw new InvalidEventException("mediaCount", "must not be negative");
		}
		labels = (labels != null) ? List.copyOf(labels) : List.of();
		Require.present(changedAt, "changedAt");
		schemaVersion = Require.schemaVersion(schemaVersion);
	}

	/**
	 * The best detection of one label.
	 * @param label e.g. {@code person}
	 * @return its score and snapshot, or empty when the event has no such label
	 */
	public Optional<LabelScore> label(String label) {
		return this.labels.stream().filter((score) -> score.label().equals(label)).findFirst();
	}

}
