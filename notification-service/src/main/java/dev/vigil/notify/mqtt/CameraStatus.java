package dev.vigil.notify.mqtt;

import java.time.Instant;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import dev.vigil.notify.delivery.Delivery;
import dev.vigil.notify.delivery.DeliveryQueue;

/**
 * Queues a camera's retained {@code vigil/<camera>/status} ({@code online} or
 * {@code silent}) on the MQTT channel, in order with the camera's event messages.
 */
@Component
public class CameraStatus {

	public static final String ONLINE = "online";

	public static final String SILENT = "silent";

	static final String KIND = "mqtt-status";

	/**
	 * The payload of a status delivery.
	 *
	 * @param camera the camera
	 * @param status {@code online} or {@code silent}
	 */
	record Change(String camera, String status) {

	}

	private final DeliveryQueue queue;

	private final MqttProperties properties;

	private final JsonMapper json;

	CameraStatus(DeliveryQueue queue, MqttProperties properties, JsonMapper json) {
		this.queue = queue;
		this.properties = properties;
		this.json = json;
	}

	/**
	 * @param camera the camera
	 * @param status {@link #ONLINE} or {@link #SILENT}
	 * @param change the silence condition's change counter (one delivery per change)
	 * @param at when it changed
	 */
	public void queue(String camera, String status, long change, Instant at) {
		if (!this.properties.enabled()) {
			return;
		}
		this.queue.enqueue(Delivery.pending(MqttUpdate.CHANNEL + ":status:" + camera + "#" + change, MqttUpdate.CHANNEL,
				null, KIND, camera, "status:" + camera, (int) change,
				this.json.writeValueAsString(new Change(camera, status)), at, at));
	}

}
