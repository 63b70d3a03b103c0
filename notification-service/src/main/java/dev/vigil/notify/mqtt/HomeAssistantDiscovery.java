package dev.vigil.notify.mqtt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Home Assistant MQTT discovery: retained configs under {@code homeassistant/}, so Home
 * Assistant creates the entities by itself. Per camera: a sensor with the last event and
 * a connectivity sensor ({@code vigil/<camera>/status}); per camera × label: a
 * binary_sensor ({@code ON} while an event with that label is open) and an image entity
 * with the label's latest snapshot. All share the camera's device and
 * {@code vigil/available}.
 */
@Component
class HomeAssistantDiscovery {

	private static final Logger log = LoggerFactory.getLogger(HomeAssistantDiscovery.class);

	private final MqttConnection connection;

	private final MqttTopics topics;

	private final MqttProperties properties;

	private final MongoTemplate mongo;

	private final JsonMapper json;

	/** Announced on the current connection. */
	private final Set<String> announced = ConcurrentHashMap.newKeySet();

	HomeAssistantDiscovery(MqttConnection connection, MqttTopics topics, MqttProperties properties, MongoTemplate mongo,
			JsonMapper json) {
		this.connection = connection;
		this.topics = topics;
		this.properties = properties;
		this.mongo = mongo;
		this.json = json;
		connection.onConnect(this::announceAll);
	}

	/** Announces a camera × label pair unless already done on this connection. */
	void ensure(String camera, String label) throws MqttException {
		if (!this.properties.discovery()) {
			return;
		}
		ensureCamera(camera);
		String key = camera + "/" + label;
		if (!this.announced.contains(key)) {
			announceLabel(camera, label);
			this.mongo.save(new KnownEntity(key, camera, label));
			this.announced.add(key);
		}
	}

	/** Announces a camera's own entities (status, last event) unless already done. */
	void ensureCamera(String camera) throws MqttException {
		if (this.properties.discovery() && !this.announced.contains(camera)) {
			announceCamera(camera);
			this.announced.add(camera);
		}
	}

	private void announceAll() {
		this.announced.clear();
		try {
			for (KnownEntity entity : this.mongo.findAll(KnownEntity.class)) {
				ensure(entity.camera(), entity.label());
			}
		}
		catch (MqttException | RuntimeException ex) {
			log.warn("Could not announce Home Assistant entities again: {}", ex.getMessage());
		}
	}

	private void announceCamera(String camera) throws MqttException {
		Map<String, Object> last = base(camera, "Last event", MqttTopics.objectId(camera, "last_event"));
		last.put("state_topic", this.topics.lastEvent(camera));
		last.put("value_template", "{{ value_json.label }}");
		last.put("json_attributes_topic", this.topics.lastEvent(camera));
		last.put("icon", "mdi:cctv");
		publish("sensor", MqttTopics.objectId(camera, "last_event"), last);

		Map<String, Object> status = base(camera, "Status", MqttTopics.objectId(camera, "status"));
		status.put("state_topic", this.topics.status(camera));
		status.put("payload_on", "online");
		status.put("payload_off", "silent");
		status.put("device_class", "connectivity");
		publish("binary_sensor", MqttTopics.objectId(camera, "status"), status);
	}

	private void announceLabel(String camera, String label) throws MqttException {
		String level = MqttTopics.level(label);
		Map<String, Object> sensor = base(camera, capitalised(label), MqttTopics.objectId(camera, level));
		sensor.put("state_topic", this.topics.label(camera, label));
		sensor.put("payload_on", "ON");
		sensor.put("payload_off", "OFF");
		sensor.put("device_class", "occupancy");
		publish("binary_sensor", MqttTopics.objectId(camera, level), sensor);

		Map<String, Object> image = base(camera, capitalised(label) + " snapshot",
				MqttTopics.objectId(camera, level, "snapshot"));
		image.put("image_topic", this.topics.snapshot(camera, label));
		image.put("content_type", "image/jpeg");
		publish("image", MqttTopics.objectId(camera, level, "snapshot"), image);
	}

	private Map<String, Object> base(String camera, String name, String uniqueId) {
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("name", name);
		config.put("unique_id", uniqueId);
		config.put("object_id", uniqueId);
		config.put("availability_topic", this.topics.available());
		config.put("payload_available", MqttConnection.ONLINE);
		config.put("payload_not_available", MqttConnection.OFFLINE);
		Map<String, Object> device = new LinkedHashMap<>();
		device.put("identifiers", List.of(MqttTopics.objectId(camera)));
		device.put("name", camera);
		device.put("manufacturer", "Vigil");
		device.put("model", "IP camera");
		config.put("device", device);
		return config;
	}

	private void publish(String component, String objectId, Map<String, Object> config) throws MqttException {
		this.connection.publish(this.topics.discovery(component, objectId), this.json.writeValueAsString(config), true);
	}

	private static String capitalised(String label) {
		return label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
	}

}
