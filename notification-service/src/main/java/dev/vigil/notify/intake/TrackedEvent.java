package dev.vigil.notify.intake;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service last did for one motion event.
 *
 * @param id the motion event id
 * @param cameraId camera
 * @param revision the highest revision applied; lower or equal ones are repeats
 * @param open whether it is still open
 * @param announced whether {@code new} went out on {@code vigil/events}
 * @param activeLabels labels switched ON for it
 * @param changedAt the record's {@code changedAt}
 */
@Document(TrackedEvent.COLLECTION)
record TrackedEvent(@Id String id, String cameraId, int revision, boolean open, boolean announced,
		List<String> activeLabels, Instant changedAt) {

	static final String COLLECTION = "motion_events";

}
