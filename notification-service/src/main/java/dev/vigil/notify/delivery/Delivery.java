package dev.vigil.notify.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message for one channel: an entry of the queue and, once settled, of the delivery
 * log.
 *
 * @param id derived from what it is for (event, revision or rule, channel), so queueing
 * the same thing twice is one delivery
 * @param channel the channel's name
 * @param ruleId the rule that chose it, null for MQTT (every event) and tests
 * @param kind what the payload is, for the channel
 * @param cameraId camera of the event
 * @param motionEventId the motion event
 * @param revision the revision of the record it came from
 * @param payload what the channel needs, as JSON
 * @param eventAt when the catalog saw the change: max age and latency count from here
 * @param createdAt when it was queued
 * @param status where it stands
 * @param attempts attempts so far
 * @param nextAttemptAt when it is due
 * @param lastError why the last attempt failed
 * @param finishedAt when it was settled
 * @param latencyMs from {@code eventAt} to the channel's acceptance
 */
@Document(Delivery.COLLECTION)
public record Delivery(@Id String id, String channel, @Nullable String ruleId, String kind, String cameraId,
		String motionEventId, int revision, String payload, Instant eventAt, Instant createdAt, DeliveryStatus status,
		int attempts, Instant nextAttemptAt, @Nullable String lastError, @Nullable Instant finishedAt,
		@Nullable Long latencyMs) {

	public static final String COLLECTION = "deliveries";

	/**
	 * A new pending delivery, due now.
	 * @return the delivery
	 */
	public static Delivery pending(String id, String channel, @Nullable String ruleId, String kind, String cameraId,
			String motionEventId, int revision, String payload, Instant eventAt, Instant now) {
		return new Delivery(id, channel, ruleId, kind, cameraId, motionEventId, revision, payload, eventAt, now,
				DeliveryStatus.PENDING, 0, now, null, null, null);
	}

	/**
	 * A delivery recorded as not sent, for the log.
	 * @return the delivery
	 */
	public static Delivery suppressed(String id, String channel, String ruleId, String cameraId, String motionEventId,
			int revision, Instant eventAt, Instant now, String reason) {
		return new Delivery(id, channel, ruleId, "alert", cameraId, motionEventId, revision, "{}", eventAt, now,
				DeliveryStatus.SUPPRESSED, 0, now, reason, now, null);
	}

}
