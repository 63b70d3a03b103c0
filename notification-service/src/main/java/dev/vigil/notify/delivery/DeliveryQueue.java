package dev.vigil.notify.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The deliveries in MongoDB: queued idempotently, read in order per channel, settled one
 * by one.
 */
@Component
public class DeliveryQueue {

	private final MongoTemplate mongo;

	DeliveryQueue(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Queues a delivery unless one with its id exists.
	 * @param delivery the delivery
	 * @return false when it was already queued (a redelivered record)
	 */
	public boolean enqueue(Delivery delivery) {
		try {
			this.mongo.insert(delivery);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	List<String> channelsWithDue(Instant now) {
		return this.mongo.findDistinct(due(now), "channel", Delivery.class, String.class);
	}

	/** The oldest pending deliveries of a channel, due or not: the channel's order. */
	List<Delivery> pending(String channel, int limit) {
		Query query = Query.query(Criteria.where("status").is(DeliveryStatus.PENDING).and("channel").is(channel));
		return this.mongo.find(query.with(Sort.by("createdAt", "_id")).limit(limit), Delivery.class);
	}

	private static Query due(Instant now) {
		return Query.query(Criteria.where("status").is(DeliveryStatus.PENDING).and("nextAttemptAt").lte(now));
	}

	void sent(Delivery delivery, Instant now) {
		settle(delivery, DeliveryStatus.SENT, now, null,
				Math.max(0, Duration.between(delivery.eventAt(), now).toMillis()));
	}

	void failed(Delivery delivery, Instant now, String reason) {
		settle(delivery, DeliveryStatus.FAILED, now, reason, null);
	}

	void expired(Delivery delivery, Instant now, Duration maxAge) {
		settle(delivery, DeliveryStatus.EXPIRED, now, "older than the max age " + maxAge + " before it could be sent",
				null);
	}

	void retryLater(Delivery delivery, Instant next, String reason) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(delivery.id())),
				new Update().inc("attempts", 1).set("nextAttemptAt", next).set("lastError", reason), Delivery.class);
	}

	private void settle(Delivery delivery, DeliveryStatus status, Instant now, String reason, Long latencyMs) {
		Update update = new Update().set("status", status).set("finishedAt", now).set("lastError", reason);
		if (status != DeliveryStatus.EXPIRED) {
			update.inc("attempts", 1);
		}
		if (latencyMs != null) {
			update.set("latencyMs", latencyMs);
		}
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(delivery.id())), update, Delivery.class);
	}

}
