package dev.vigil.notify.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one MQTT connection. Connected on start when the broker answers, otherwise on the
 * first publish (each failed publish is retried by the dispatcher). The last will sets
 * {@code vigil/available} to {@code offline}; every (re)connect sets it {@code online}
 * and tells {@link HomeAssistantDiscovery} to announce the known entities again, so a
 * broker that lost its retained messages is refilled. Publishes wait for the broker's
 * acknowledgement (QoS 1).
 */
@Component
class MqttConnection implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);

	static final String ONLINE = "online";

	static final String OFFLINE = "offline";

	private final MqttProperties properties;

	private final MqttTopics topics;

	private final AtomicReference<@Nullable MqttClient> client = new AtomicReference<>();

	private volatile @Nullable Runnable onConnect;

	private volatile boolean running;

	MqttConnection(MqttProperties properties, MqttTopics topics) {
		this.properties = properties;
		this.topics = topics;
	}

	/** Runs after every (re)connect, on its own thread. */
	void onConnect(Runnable action) {
		this.onConnect = action;
	}

	void publish(String topic, byte[] payload, boolean retained) throws MqttException {
		MqttClient connected = connected();
		MqttMessage message = new MqttMessage(payload);
		message.setQos(1);
		message.setRetained(retained);
		connected.publish(topic, message);
	}

	void publish(String topic, String payload, boolean retained) throws MqttException {
		publish(topic, payload.getBytes(StandardCharsets.UTF_8), retained);
	}

	boolean isConnected() {
		MqttClient current = this.client.get();
		return current != null && current.isConnected();
	}

	private synchronized MqttClient connected() throws MqttException {
		MqttClient current = this.client.get();
		if (current != null && current.isConnected()) {
			return current;
		}
		if (current != null) {
			closeQuietly(current);
			this.client.set(null);
		}
		MqttClient fresh = new MqttClient(this.properties.uri(), this.properties.clientId(), new MemoryPersistence());
		int seconds = (int) Math.max(1, this.properties.timeout().toSeconds());
		fresh.setTimeToWait(this.properties.timeout().toMillis());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setCleanSession(true);
		options.setAutomaticReconnect(true);
		options.setConnectionTimeout(seconds);
		options.setKeepAliveInterval(30);
		options.setMaxInflight(100);
		if (this.properties.username() != null) {
			options.setUserName(this.properties.username());
		}
		if (this.properties.password() != null) {
			options.setPassword(this.properties.password().toCharArray());
		}
		options.setWill(this.topics.available(), OFFLINE.getBytes(StandardCharsets.UTF_8), 1, true);
		fresh.setCallback(new MqttCallbackExtended() {

			@Override
			public void connectComplete(boolean reconnect, String serverURI) {
				log.info("MQTT {} {}", reconnect ? "reconnected to" : "connected to", serverURI);
				Thread.ofVirtual().name("mqtt-announce").start(MqttConnection.this::announce);
			}

			@Override
			public void connectionLost(Throwable cause) {
				log.warn("MQTT connection lost: {}", cause.getMessage());
			}

			@Override
			public void messageArrived(String topic, MqttMessage message) {
			}

			@Override
			public void deliveryComplete(IMqttDeliveryToken token) {
			}

		});
		try {
			fresh.connect(options);
		}
		catch (MqttException ex) {
			closeQuietly(fresh);
			throw ex;
		}
		this.client.set(fresh);
		return fresh;
	}

	private void announce() {
		try {
			publish(this.topics.available(), ONLINE, true);
			Runnable action = this.onConnect;
			if (action != null) {
				action.run();
			}
		}
		catch (MqttException | RuntimeException ex) {
			log.warn("Could not announce on MQTT: {}", ex.getMessage());
		}
	}

	@Override
	public void start() {
		this.running = true;
		if (!this.properties.enabled()) {
			return;
		}
		Thread.ofVirtual().name("mqtt-connect").start(() -> {
			try {
				connected();
			}
			catch (MqttException ex) {
				log.warn("MQTT broker {} not reachable yet ({}); connecting on the next message", this.properties.uri(),
						ex.getMessage());
			}
		});
	}

	@Override
	public void stop() {
		this.running = false;
		MqttClient current = this.client.getAndSet(null);
		if (current != null) {
			try {
				if (current.isConnected()) {
					MqttMessage offline = new MqttMessage(OFFLINE.getBytes(StandardCharsets.UTF_8));
					offline.setQos(1);
					offline.setRetained(true);
					current.publish(this.topics.available(), offline);
					current.disconnect(2000);
				}
			}
			catch (MqttException ex) {
				log.debug("MQTT disconnect: {}", ex.getMessage());
			}
			closeQuietly(current);
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private static void closeQuietly(MqttClient client) {
		try {
			client.close(true);
		}
		catch (MqttException ex) {
			// Closing a broken client: nothing left to do.
		}
	}

}
