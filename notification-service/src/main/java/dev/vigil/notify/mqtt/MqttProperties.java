package dev.vigil.notify.mqtt;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The MQTT broker and topic layout.
 *
 * @param enabled publish to MQTT
 * @param uri broker, {@code tcp://host:1883} or {@code ssl://host:8883}
 * @param username user name
 * @param password password
 * @param clientId MQTT client id
 * @param topicPrefix first segment of every topic ({@code vigil})
 * @param discoveryPrefix Home Assistant's discovery prefix ({@code homeassistant})
 * @param discovery publish Home Assistant discovery configs
 * @param maxAge messages older than this when the broker is reachable again are dropped
 * @param timeout connect and publish timeout
 */
@Validated
@ConfigurationProperties("vigil.notification.mqtt")
public record MqttProperties(@DefaultValue("true") boolean enabled, @DefaultValue("tcp://localhost:1883") String uri,
		@Nullable String username, @Nullable String password,
		@DefaultValue("vigil-notification-service") String clientId, @DefaultValue("vigil") String topicPrefix,
		@DefaultValue("homeassistant") String discoveryPrefix, @DefaultValue("true") boolean discovery,
		@DefaultValue("1h") Duration maxAge, @DefaultValue("10s") Duration timeout) {

	public MqttProperties {
		for (String prefix : new String[] { topicPrefix, discoveryPrefix }) {
			if (prefix.isBlank() || prefix.contains("#") || prefix.contains("+") || prefix.startsWith("/")
					|| prefix.endsWith("/")) {
				throw new IllegalArgumentException(
						"MQTT topic prefixes must be plain topic levels, not '" + prefix + "'");
			}
		}
	}

	@Override
	public String toString() {
		return "MqttProperties[uri=" + this.uri + ", username=" + this.username + ", password=***]";
	}

}
