package dev.vigil.bench.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A subscriber the way Home Assistant is one: {@code vigil/#} with the read-only account,
 * QoS 1, a persistent session and automatic reconnect, so the broker queues what arrives
 * while it is away. Notes when each message arrived.
 */
final class MqttTap implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * One {@code vigil/events} message.
	 *
	 * @param type {@code new}, {@code update} or {@code end}
	 * @param eventId the motion event
	 * @param camera its camera
	 * @param startTime the event's start (epoch seconds)
	 * @param atMillis when it arrived (wall clock)
	 * @param duplicate the broker's DUP flag (a QoS 1 redelivery)
	 */
	record Received(String type, String eventId, String camera, long startTime, long atMillis, boolean duplicate) {

	}

	private final MqttClient client;

	private final List<Received> messages = new CopyOnWriteArrayList<>();

	/** Every message's topic and text payload, in arrival order. */
	private final List<String> topics = new CopyOnWriteArrayList<>();

	private final AtomicInteger reconnects = new AtomicInteger();

	private final String uri;

	private final String user;

	private final String password;

	MqttTap(String uri, String user, String password) throws MqttException {
		this.uri = uri;
		this.user = user;
		this.password = password;
		this.client = new MqttClient(uri, "vigil-bench-tap", new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setUserName(user);
		options.setPassword(password.toCharArray());
		options.setCleanSession(false);
		options.setAutomaticReconnect(true);
		options.setMaxReconnectDelay(1000);
		options.setConnectionTimeout(5);
		this.client.setCallback(new MqttCallbackExtended() {

			@Override
			public void connectComplete(boolean reconnect, String serverURI) {
				if (reconnect) {
					MqttTap.this.reconnects.incrementAndGet();
				}
			}

			@Override
			public void connectionLost(Throwable cause) {
			}

			@Override
			public void messageArrived(String topic, MqttMessage message) {
				MqttTap.this.topics.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
				if (topic.equals("vigil/events")) {
					note(message);
				}
			}

			@Override
			public void deliveryComplete(IMqttDeliveryToken token) {
			}

		});
		this.client.connect(options);
		this.client.subscribe("vigil/#", 1);
	}

	private void note(MqttMessage message) {
		long at = System.currentTimeMillis();
		JsonNode event = json.readTree(message.getPayload());
		this.messages.add(new Received(event.path("type").asString(""), event.path("id").asString(""),
				event.path("camera").asString(""), (long) event.path("start_time").asDouble(0), at,
				message.isDuplicate()));
	}

	List<Received> messages() {
		return List.copyOf(this.messages);
	}

	/**
	 * Whether a message arrived on a topic with a payload.
	 * @param topic e.g. {@code vigil/front/person}
	 * @param payload e.g. {@code ON}
	 * @return true if one did
	 */
	boolean received(String topic, String payload) {
		return this.topics.contains(topic + " " + payload);
	}

	/**
	 * What a subscriber that connects now gets as retained messages (a new Home
	 * Assistant, say): a fresh clean session with the same account subscribes for
	 * {@code wait}.
	 * @param filter topic filter, e.g. {@code homeassistant/#}
	 * @param wait how long to collect
	 * @return topic → text payload of every retained message
	 * @throws MqttException if the broker refuses
	 * @throws InterruptedException if interrupted
	 */
	Map<String, String> retained(String filter, Duration wait) throws MqttException, InterruptedException {
		Map<String, String> retained = new ConcurrentHashMap<>();
		MqttClient probe = new MqttClient(this.uri, "vigil-bench-probe", new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setUserName(this.user);
		options.setPassword(this.password.toCharArray());
		options.setCleanSession(true);
		options.setConnectionTimeout(5);
		try {
			probe.connect(options);
			probe.subscribe(filter, 1, (topic, message) -> {
				if (message.isRetained()) {
					retained.put(topic, new String(message.getPayload(), StandardCharsets.UTF_8));
				}
			});
			Thread.sleep(wait);
			probe.disconnect(2000);
		}
		finally {
			probe.close(true);
		}
		return Map.copyOf(retained);
	}

	int reconnects() {
		return this.reconnects.get();
	}

	@Override
	public void close() throws MqttException {
		if (this.client.isConnected()) {
			this.client.disconnect(2000);
		}
		this.client.close(true);
	}

}
