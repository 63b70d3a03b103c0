package dev.vigil.notify.mqtt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import dev.vigil.contracts.LabelScore;
import dev.vigil.contracts.MotionEventChanged;
import dev.vigil.notify.Links;
import dev.vigil.notify.delivery.Channel;
import dev.vigil.notify.delivery.Delivery;
import dev.vigil.notify.snapshot.SnapshotStore;

/**
 * Publishes one {@link MqttUpdate}: discovery for new labels, the snapshots (retained),
 * {@code ON}, the {@code vigil/events} message, the camera's last event (retained),
 * {@code OFF} for labels no open event has any more, and the camera's status; or a
 * {@link CameraStatus} change of the silent-camera check. The whole update is retried
 * when any publish fails; every message is idempotent (retained state or an event message
 * a subscriber de-duplicates by id and type), so a retry repeats at most the messages of
 * that one update.
 */
@Component
@ConditionalOnProperty(name = "vigil.notification.mqtt.enabled", matchIfMissing = true)
class MqttChannel implements Channel {

	private static final Logger log = LoggerFactory.getLogger(MqttChannel.class);

	private final MqttConnection connection;

	private final MqttTopics topics;

	private final HomeAssistantDiscovery discovery;

	private final SnapshotStore snapshots;

	private final MqttProperties properties;

	private final Links links;

	private final JsonMapper json;

	MqttChannel(MqttConnection connection, MqttTopics topics, HomeAssistantDiscovery discovery, SnapshotStore snapshots,
			MqttProperties properties, Links links, JsonMapper json) {
		this.connection = connection;
		this.topics = topics;
		this.discovery = discovery;
		this.snapshots = snapshots;
		this.properties = properties;
		this.links = links;
		this.json = json;
	}

	@Override
	public String name() {
		return MqttUpdate.CHANNEL;
	}

	@Override
	public Duration maxAge() {
		return this.properties.maxAge();
	}

	@Override
	public void deliver(Delivery delivery) throws Exception {
		if (CameraStatus.KIND.equals(delivery.kind())) {
			status(delivery);
			return;
		}
		MqttUpdate update;
		try {
			update = this.json.readValue(delivery.payload(), MqttUpdate.class);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new PermanentFailure("unreadable MQTT update: " + ex.getMessage());
		}
		MotionEventChanged event = update.event();
		String camera = event.cameraId();
		for (LabelScore label : event.labels()) {
			this.discovery.ensure(camera, label.label());
		}
		if (!"end".equals(update.type())) {
			for (LabelScore label : event.labels()) {
				if (label.snapshot() != null) {
					Optional<byte[]> jpeg = this.snapshots.read(label.snapshot());
					if (jpeg.isPresent()) {
						this.connection.publish(this.topics.snapshot(camera, label.label()), jpeg.get(), true);
					}
					else {
						log.debug("No snapshot {} for {}", label.snapshot().objectKey(), event.motionEventId());
					}
				}
			}
		}
		for (String label : update.on()) {
			this.connection.publish(this.topics.label(camera, label), "ON", true);
		}
		if (update.type() != null) {
			String message = this.json.writeValueAsString(eventMessage(update.type(), event));
			this.connection.publish(this.topics.events(), message, false);
			this.connection.publish(this.topics.lastEvent(camera), message, true);
		}
		for (String label : update.off()) {
			this.connection.publish(this.topics.label(camera, label), "OFF", true);
		}
		this.connection.publish(this.topics.status(camera), "online", true);
	}

	private void status(Delivery delivery) throws Exception {
		CameraStatus.Change change;
		try {
			change = this.json.readValue(delivery.payload(), CameraStatus.Change.class);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new PermanentFailure("unreadable camera status: " + ex.getMessage());
		}
		this.discovery.ensureCamera(change.camera());
		this.connection.publish(this.topics.status(change.camera()), change.status(), true);
	}

	/** The {@code vigil/events} message. */
	Map<String, Object> eventMessage(String type, MotionEventChanged event) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("type", type);
		message.put("id", event.motionEventId());
		message.put("camera", event.cameraId());
		LabelScore top = event.labels().isEmpty() ? null : event.labels().getFirst();
		message.put("label", (top != null) ? top.label() : null);
		message.put("score", (top != null) ? top.score() : null);
		List<Map<String, Object>> labels = new ArrayList<>();
		for (LabelScore label : event.labels()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("label", label.label());
			entry.put("score", label.score());
			labels.add(entry);
		}
		message.put("labels", labels);
		message.put("start_time", event.start().toEpochMilli() / 1000.0);
		message.put("end_time", "end".equals(type) ? event.end().toEpochMilli() / 1000.0 : null);
		message.put("media_count", event.mediaCount());
		String snapshotMedia = (top != null && top.snapshot() != null) ? top.snapshot().mediaId()
				: (event.snapshot() != null) ? event.snapshot().mediaId() : null;
		message.put("has_snapshot", snapshotMedia != null);
		message.put("snapshot_url", (snapshotMedia != null) ? this.links.snapshot(snapshotMedia) : null);
		message.put("ui_url", this.links.event(event.motionEventId()));
		message.put("revision", event.revision());
		return message;
	}

}
