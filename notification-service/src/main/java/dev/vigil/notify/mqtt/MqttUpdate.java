package dev.vigil.notify.mqtt;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.vigil.contracts.MotionEventChanged;

/**
 * What the MQTT channel publishes for one record.
 *
 * @param type {@code new}, {@code update} or {@code end} on {@code vigil/events}; null
 * when only label states change
 * @param on labels to switch ON (with their snapshot)
 * @param off labels to switch OFF (no other open event of the camera has them)
 * @param event the record
 */
public record MqttUpdate(@Nullable String type, List<String> on, List<String> off, MotionEventChanged event) {

	public static final String KIND = "mqtt-event";

	/** The MQTT channel's name. */
	public static final String CHANNEL = "mqtt";

}
