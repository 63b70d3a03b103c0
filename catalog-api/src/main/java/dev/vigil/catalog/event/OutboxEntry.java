package dev.vigil.catalog.event;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One {@code MotionEventChanged} record waiting to be relayed to Kafka.
 *
 * @param id {@code <motionEventId>#<revision>}: writing the same change twice is one
 * entry
 * @param cameraId the record's Kafka key
 * @param payload the record as JSON
 * @param createdAt when it was written; relayed in this order
 * @param claimedUntil a relay holds it until then
 * @param sentAt when Kafka acknowledged it
 */
@Document(OutboxEntry.COLLECTION)
record OutboxEntry(@Id String id, String cameraId, String payload, Instant createdAt, @Nullable Instant claimedUntil,
		@Nullable Instant sentAt) {

	static final String COLLECTION = "motion_event_outbox";

}
