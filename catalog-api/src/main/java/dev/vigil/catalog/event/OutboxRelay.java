package dev.vigil.catalog.event;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Relays the motion-event outbox to Kafka, oldest first, keyed by camera. An entry is
 * claimed before it is sent (so two replicas do not both send it), marked sent once the
 * broker acknowledged it (the binding is synchronous), and retried after the claim runs
 * out when sending failed. A broker outage therefore only delays records; consumers
 * de-duplicate the rare repeat by {@code (motionEventId, revision)}.
 */
@Component
class OutboxRelay {

	static final String BINDING = "motionEvents-out-0";

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final int BATCH = 500;

	private final MongoTemplate mongo;

	private final StreamBridge bridge;

	private final MotionEventProperties properties;

	private final Clock clock = Clock.systemUTC();

	OutboxRelay(MongoTemplate mongo, StreamBridge bridge, MotionEventProperties properties) {
		this.mongo = mongo;
		this.bridge = bridge;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${vigil.catalog.motion-events.relay-interval:250ms}")
	void relay() {
		if (!this.properties.enabled()) {
			return;
		}
		try {
			for (int i = 0; i < BATCH; i++) {
				OutboxEntry entry = claimNext();
				if (entry == null) {
					return;
				}
				if (!send(entry)) {
					// Released at once, so it goes out on the next run after the broker
					// returns; the claim's expiry only covers a relay that died.
					this.mongo.updateFirst(Query.query(Criteria.where("_id").is(entry.id())),
							new Update().unset("claimedUntil"), OutboxEntry.class);
					return;
				}
				this.mongo.updateFirst(Query.query(Criteria.where("_id").is(entry.id())),
						Update.update("sentAt", this.clock.instant()), OutboxEntry.class);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Motion-event outbox relay paused: {}", ex.getMessage());
		}
	}

	private OutboxEntry claimNext() {
		Instant now = this.clock.instant();
		Query query = Query
			.query(Criteria.where("sentAt")
				.is(null)
				.orOperator(Criteria.where("claimedUntil").is(null), Criteria.where("claimedUntil").lt(now)))
			.with(Sort.by("createdAt", "_id"));
		return this.mongo.findAndModify(query, Update.update("claimedUntil", now.plus(this.properties.claim())),
				FindAndModifyOptions.options().returnNew(true), OutboxEntry.class);
	}

	private boolean send(OutboxEntry entry) {
		Message<byte[]> message = MessageBuilder.withPayload(entry.payload().getBytes(StandardCharsets.UTF_8))
			.setHeader(KafkaHeaders.KEY, entry.cameraId().getBytes(StandardCharsets.UTF_8))
			.setHeader("contentType", "application/json")
			.build();
		try {
			if (this.bridge.send(BINDING, message)) {
				return true;
			}
			log.warn("Kafka did not take outbox entry {}; retrying", entry.id());
		}
		catch (RuntimeException ex) {
			log.warn("Could not relay outbox entry {} (retrying): {}", entry.id(), ex.getMessage());
		}
		return false;
	}

	@Scheduled(initialDelayString = "1m", fixedDelayString = "10m")
	void deleteSent() {
		try {
			Instant before = this.clock.instant().minus(this.properties.keepSent());
			this.mongo.remove(Query.query(Criteria.where("sentAt").lt(before)), OutboxEntry.class);
		}
		catch (RuntimeException ex) {
			log.warn("Could not delete relayed outbox entries: {}", ex.getMessage());
		}
	}

}
