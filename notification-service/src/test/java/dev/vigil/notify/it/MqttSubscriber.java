package dev.vigil.notify.it;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A real MQTT client subscribed the way Home Assistant is: {@code vigil/#} and
 * {@code homeassistant/#} with the read-only account, in a persistent session: the broker
 * keeps its subscriptions and queues QoS 1 messages while it is disconnected, also across
 * a broker restart (Mosquitto persists sessions).
 */
final class MqttSubscriber implements AutoCloseable {

	record Received(String topic, byte[] payload, boolean retained) {

		String text() {
			return new String(this.payload, StandardCharsets.UTF_8);
		}

	}

	private final MqttClient client;

	final List<Received> messages = new CopyOnWriteArrayList<>();

	MqttSubscriber(String uri, String user, String password) throws MqttException {
		this.client = new MqttClient(uri, "it-reader-" + System.nanoTime(), new MemoryPersistence());
		MqttConnectOptions options = options(user, password);
		options.setAutomaticReconnect(true);
		options.setCleanSession(false);
		this.client.setCallback(new MqttCallbackExtended() {

			@Override
			public void connectComplete(boolean reconnect, String serverURI) {
			}

			@Override
			public void connectionLost(Throwable cause) {
			}

			@Override
			public void messageArrived(String topic, MqttMessage message) {
				MqttSubscriber.this.messages.add(new Received(topic, message.getPayload(), message.isRetained()));
			}

			@Override
			public void deliveryComplete(IMqttDeliveryToken token) {
			}

		});
		this.client.connect(options);
		subscribe();
	}

	static MqttConnectOptions options(String user, String password) {
		MqttConnectOptions options = new MqttConnectOptions();
		options.setUserName(user);
		options.setPassword(password.toCharArray());
		options.setCleanSession(true);
		options.setConnectionTimeout(5);
		return options;
	}

	private void subscribe() throws MqttException {
		this.client.subscribe(new String[] { "vigil/#", "homeassistant/#" }, new int[] { 1, 1 });
	}

	List<Received> on(String topic) {
		return this.messages.stream().filter((m) -> m.topic().equals(topic)).toList();
	}

	@Override
	public void close() throws MqttException {
		if (this.client.isConnected()) {
			this.client.disconnect(1000);
		}
		this.client.close(true);
	}

}
