package dev.vigil.notify.rule;

import java.time.Clock;
import java.time.Instant;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dev.vigil.notify.channel.ChannelDirectory;
import dev.vigil.notify.delivery.Alert;
import dev.vigil.notify.delivery.Delivery;
import dev.vigil.notify.delivery.DeliveryQueue;
import dev.vigil.notify.delivery.SystemConditions;
import dev.vigil.notify.delivery.SystemNotice;

/**
 * Queues the alerts of one change of a system condition: for every enabled system rule
 * that watches the condition (and, for a silent camera, the camera) and is armed now, one
 * delivery per channel with the id
 * {@code system:<condition>:<subject>#<change>:<rule>:<channel>} — so each change alerts
 * once, however often it is reported. No cooldown: a condition alerts only when it
 * changes.
 */
@Component
public class SystemAlerting {

	private final MongoTemplate mongo;

	private final DeliveryQueue queue;

	private final JsonMapper json;

	private final Clock clock = Clock.systemUTC();

	SystemAlerting(MongoTemplate mongo, DeliveryQueue queue, JsonMapper json) {
		this.mongo = mongo;
		this.queue = queue;
		this.json = json;
	}

	/**
	 * @param notice what changed
	 * @param change the condition's change counter, part of the delivery ids
	 */
	public void queue(SystemNotice notice, long change) {
		Instant now = this.clock.instant();
		Query enabled = Query.query(Criteria.where("enabled").is(true).and("kind").is(RuleKind.SYSTEM));
		for (Rule rule : this.mongo.find(enabled, Rule.class)) {
			if (!rule.watchesCondition(notice.condition())
					|| (SystemConditions.CAMERA_SILENT.equals(notice.condition()) && !rule.watches(notice.subject()))
					|| !rule.armedAt(now)) {
				continue;
			}
			String payload = this.json
				.writeValueAsString(Alert.system(rule.id(), rule.name(), rule.timeZone(), notice));
			for (String channel : rule.channels()) {
				String id = "system:" + notice.condition() + ":" + notice.subject() + "#" + change + ":" + rule.id()
						+ ":" + channel;
				this.queue.enqueue(Delivery.pending(id, ChannelDirectory.deliveryName(channel), rule.id(), Alert.KIND,
						notice.subject(), notice.condition() + ":" + notice.subject(), (int) change, payload, now,
						now));
			}
		}
	}

}
