package dev.vigil.notify.rule;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dev.vigil.contracts.LabelScore;
import dev.vigil.contracts.MotionEventChange;
import dev.vigil.contracts.MotionEventChanged;
import dev.vigil.notify.channel.ChannelDirectory;
import dev.vigil.notify.delivery.Alert;
import dev.vigil.notify.delivery.Delivery;
import dev.vigil.notify.delivery.DeliveryQueue;

/**
 * Queues the alerts of one record: for every enabled rule that watches the camera, has a
 * label of the event at or above its minimum confidence and is armed when the catalog saw
 * the change, one delivery per channel with the id {@code alert:<event>:<rule>:<channel>}
 * — so an event alerts once per rule and channel, whatever is redelivered or updated
 * later. Another event of the same camera within the rule's cooldown is recorded as
 * suppressed instead: a burst is one alert.
 */
@Component
public class Alerting {

	private final MongoTemplate mongo;

	private final DeliveryQueue queue;

	private final JsonMapper json;

	private final Clock clock = Clock.systemUTC();

	Alerting(MongoTemplate mongo, DeliveryQueue queue, JsonMapper json) {
		this.mongo = mongo;
		this.queue = queue;
		this.json = json;
	}

	/**
	 * @param record a record applied for the first time
	 */
	public void queue(MotionEventChanged record) {
		if (record.type() == MotionEventChange.CLOSED || record.labels().isEmpty()) {
			return;
		}
		for (Rule rule : this.mongo.find(Query.query(Criteria.where("enabled").is(true)), Rule.class)) {
			if (rule.isSystem() || !rule.watches(record.cameraId())) {
				continue;
			}
			Optional<LabelScore> match = record.labels()
				.stream()
				.filter((label) -> rule.labels().contains(label.label().toLowerCase(Locale.ROOT))
						&& label.score() >= rule.minConfidence())
				.findFirst();
			if (match.isEmpty() || !rule.armedAt(record.changedAt())) {
				continue;
			}
			queue(rule, record, match.get());
		}
	}

	private void queue(Rule rule, MotionEventChanged record, LabelScore label) {
		Instant now = this.clock.instant();
		String cooldownId = rule.id() + "/" + record.cameraId();
		Cooldown cooldown = this.mongo.findById(cooldownId, Cooldown.class);
		if (cooldown != null && cooldown.motionEventId().equals(record.motionEventId())) {
			return;
		}
		if (cooldown != null && cooldown.until().isAfter(record.changedAt())) {
			for (String channel : rule.channels()) {
				this.queue.enqueue(Delivery.suppressed(id(record, rule, channel),
						ChannelDirectory.deliveryName(channel), rule.id(), record.cameraId(), record.motionEventId(),
						record.revision(), record.changedAt(), now, "cooldown of camera " + record.cameraId()
								+ " until " + cooldown.until() + " (after event " + cooldown.motionEventId() + ")"));
			}
			return;
		}
		String payload = this.json.writeValueAsString(
				new Alert(rule.id(), rule.name(), label.label(), label.score(), record, false, rule.timeZone(), null));
		for (String channel : rule.channels()) {
			this.queue.enqueue(Delivery.pending(id(record, rule, channel), ChannelDirectory.deliveryName(channel),
					rule.id(), Alert.KIND, record.cameraId(), record.motionEventId(), record.revision(), payload,
					record.changedAt(), now));
		}
		this.mongo.save(new Cooldown(cooldownId, record.motionEventId(),
				record.changedAt().plusSeconds(rule.cooldownSeconds())));
	}

	private static String id(MotionEventChanged record, Rule rule, String channel) {
		return "alert:" + record.motionEventId() + ":" + rule.id() + ":" + channel;
	}

}
