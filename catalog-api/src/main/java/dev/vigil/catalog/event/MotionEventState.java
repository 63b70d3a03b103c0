package dev.vigil.catalog.event;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.vigil.contracts.LabelScore;
import dev.vigil.contracts.Snapshot;

/**
 * What was last published about one motion event, so the next change can be compared with
 * it.
 *
 * @param id the event id
 * @param cameraId camera
 * @param revision revision of the last record written to the outbox
 * @param open whether the last record was not {@code CLOSED}
 * @param lastChangeAt when the event last changed (new media or better labels); the quiet
 * gap counts from here
 * @param start first capture time
 * @param end last capture time
 * @param mediaCount media in the event
 * @param labels best score per label
 * @param snapshot the event's thumbnail
 */
@Document(MotionEventState.COLLECTION)
record MotionEventState(@Id String id, String cameraId, int revision, boolean open, Instant lastChangeAt, Instant start,
		Instant end, int mediaCount, List<LabelScore> labels, @Nullable Snapshot snapshot) {

	static final String COLLECTION = "motion_event_states";

}
