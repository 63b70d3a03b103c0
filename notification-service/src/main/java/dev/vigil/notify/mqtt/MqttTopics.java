package dev.vigil.notify.mqtt;

import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * The topic layout (a stable interface, modelled on Frigate's):
 * <ul>
 * <li>{@code vigil/available}: {@code online}/{@code offline}, retained, last will</li>
 * <li>{@code vigil/events}: one JSON message per new/update/end</li>
 * <li>{@code vigil/<camera>/<label>}: {@code ON}/{@code OFF}, retained</li>
 * <li>{@code vigil/<camera>/<label>/snapshot}: JPEG, retained</li>
 * <li>{@code vigil/<camera>/event}: the camera's last event as JSON, retained</li>
 * <li>{@code vigil/<camera>/status}: {@code online}/{@code silent}, retained</li>
 * </ul>
 * A label becomes a topic level in lower case, with anything but letters, digits,
 * {@code _} and {@code -} replaced by {@code _} (so {@code traffic light} is
 * {@code traffic_light}); camera ids are already safe.
 */
@Component
class MqttTopics {

	private final String prefix;

	private final String discovery;

	MqttTopics(MqttProperties properties) {
		this.prefix = properties.topicPrefix();
		this.discovery = properties.discoveryPrefix();
	}

	String available() {
		return this.prefix + "/available";
	}

	String events() {
		return this.prefix + "/events";
	}

	String label(String camera, String label) {
		return this.prefix + "/" + camera + "/" + level(label);
	}

	String snapshot(String camera, String label) {
		return label(camera, label) + "/snapshot";
	}

	String lastEvent(String camera) {
		return this.prefix + "/" + camera + "/event";
	}

	String status(String camera) {
		return this.prefix + "/" + camera + "/status";
	}

	/**
	 * A discovery config topic.
	 * @param component {@code binary_sensor}, {@code image}, {@code sensor}
	 * @param objectId the entity's object id
	 * @return {@code homeassistant/<component>/<objectId>/config}
	 */
	String discovery(String component, String objectId) {
		return this.discovery + "/" + component + "/" + objectId + "/config";
	}

	static String level(String label) {
		return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
	}

	/** Home Assistant object ids allow letters, digits, {@code _} and {@code -}. */
	static String objectId(String... parts) {
		return ("vigil_" + String.join("_", parts)).replaceAll("[^A-Za-z0-9_-]", "_");
	}

}
