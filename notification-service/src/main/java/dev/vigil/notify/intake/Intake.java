package dev.vigil.notify.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dev.vigil.contracts.LabelScore;
import dev.vigil.contracts.MotionEventChange;
import dev.vigil.contracts.MotionEventChanged;
import dev.vigil.notify.delivery.Delivery;
import dev.vigil.notify.delivery.DeliveryQueue;
import dev.vigil.notify.mqtt.MqttProperties;
import dev.vigil.notify.mqtt.MqttUpdate;
import dev.vigil.notify.rule.Alerting;

/**
 * Applies one record: drops it when its revision was applied already (at-least-once
 * delivery, a second relay), otherwise queues what every channel must send and then
 * remembers the revision. Deliveries have ids derived from the record, so a crash between
 * the two steps queues nothing twice.
 */
@Component
class Intake {

	private final MongoTemplate mongo;

	private final DeliveryQueue queue;

	private final JsonMapper json;

	private final MqttProperties mqtt;

	private final Alerting alerting;

	private final Clock clock = Clock.systemUTC();

	Intake(MongoTemplate mongo, DeliveryQueue queue, JsonMapper json, MqttProperties mqtt, Alerting alerting) {
		this.mongo = mongo;
		this.queue = queue;
		this.json = json;
		this.mqtt = mqtt;
		this.alerting = alerting;
	}

	/**
	 * @param record the record
	 * @return false when it was a repeat or older than what was applied
	 */
	boolean accept(MotionEventChanged record) {
		TrackedEvent state = this.mongo.findById(record.motionEventId(), TrackedEvent.class);
		if (state != null && record.revision() <= state.revision()) {
			return false;
		}
		List<String> labels = record.labels().stream().map(LabelScore::label).toList();
		List<String> active = (state != null) ? state.activeLabels() : List.of();
		boolean closing = record.type() == MotionEventChange.CLOSED;
		boolean announced = state != null && state.announced();
		List<String> on = closing ? List.of() : labels.stream().filter((label) -> !active.contains(label)).toList();
		List<String> off = closing ? switchOff(record, active, labels) : List.of();
		String type = null;
		if (!labels.isEmpty()) {
			type = closing ? "end" : (announced ? "update" : "new");
		}
		if (this.mqtt.enabled() && (type != null || !off.isEmpty())) {
			MqttUpdate update = new MqttUpdate(type, on, off, record);
			this.queue.enqueue(Delivery.pending(
					MqttUpdate.CHANNEL + ":" + record.motionEventId() + "#" + record.revision(), MqttUpdate.CHANNEL,
					null, MqttUpdate.KIND, record.cameraId(), record.motionEventId(), record.revision(),
					this.json.writeValueAsString(update), record.changedAt(), this.clock.instant()));
		}
		this.alerting.queue(record);
		Set<String> nowActive = new LinkedHashSet<>(active);
		nowActive.addAll(on);
		this.mongo.save(new TrackedEvent(record.motionEventId(), record.cameraId(), record.revision(), !closing,
				announced || (type != null && !closing), closing ? List.of() : new ArrayList<>(nowActive),
				record.changedAt()));
		return true;
	}

	/** Labels no other open event of the camera still has. */
	private List<String> switchOff(MotionEventChanged record, List<String> active, List<String> labels) {
		Set<String> candidates = new LinkedHashSet<>(active);
		candidates.addAll(labels);
		List<TrackedEvent> others = this.mongo.find(Query.query(Criteria.where("cameraId")
			.is(record.cameraId())
			.and("open")
			.is(true)
			.and("_id")
			.ne(record.motionEventId())), TrackedEvent.class);
		others.forEach((other) -> other.activeLabels().forEach(candidates::remove));
		return new ArrayList<>(candidates);
	}

}
