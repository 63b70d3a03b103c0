package dev.vigil.notify.it;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.vigil.contracts.LabelScore;
import dev.vigil.contracts.MotionEventChange;
import dev.vigil.contracts.MotionEventChanged;
import dev.vigil.contracts.Snapshot;
import dev.vigil.contracts.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MqttIT extends NotificationIT {

	private static final Instant T0 = Instant.parse("2026-11-21T02:04:05Z");

	@Test
	void aPersonEventBecomesFrigateLikeTopicsAndHomeAssistantEntities() throws Exception {
		String camera = camera("backdoor");
		Snapshot snapshot = snapshot(camera, "a1");
		publish(record(camera, T0, 1, MotionEventChange.OPENED, List.of()));
		MotionEventChanged person = record(camera, T0, 2, MotionEventChange.UPDATED,
				List.of(new LabelScore("person", 0.91, snapshot)));
		publish(person);
		// A redelivery of the same revision, as after a consumer restart.
		publish(person);
		publish(record(camera, T0, 3, MotionEventChange.CLOSED, List.of(new LabelScore("person", 0.91, snapshot))));

		List<JsonNode> events = eventually(() -> eventsOf(camera),
				(list) -> list.stream().anyMatch((e) -> "end".equals(e.path("type").asString())));
		assertThat(events).extracting((e) -> e.path("type").asString()).containsExactly("new", "end");
		JsonNode first = events.getFirst();
		assertThat(first.path("id").asString()).isEqualTo(camera + "." + T0.toEpochMilli());
		assertThat(first.path("camera").asString()).isEqualTo(camera);
		assertThat(first.path("label").asString()).isEqualTo("person");
		assertThat(first.path("score").asDouble()).isEqualTo(0.91);
		assertThat(first.path("snapshot_url").asString())
			.isEqualTo("https://vigil.example.net/media/" + camera + ".a1/thumbnail");
		assertThat(first.path("ui_url").asString())
			.isEqualTo("https://vigil.example.net/events/" + camera + "." + T0.toEpochMilli());
		assertThat(events.getLast().path("end_time").isNumber()).isTrue();

		String state = "vigil/" + camera + "/person";
		assertThat(subscriber.on(state)).extracting(MqttSubscriber.Received::text).containsExactly("ON", "OFF");
		assertThat(subscriber.on(state + "/snapshot")).first()
			.satisfies((jpeg) -> assertThat(jpeg.payload()).isEqualTo(person()));
		assertThat(subscriber.on("vigil/" + camera + "/status").getLast().text()).isEqualTo("online");

		JsonNode sensor = JSON
			.readTree(subscriber.on("homeassistant/binary_sensor/vigil_" + camera.replace('-', '-') + "_person/config")
				.getFirst()
				.text());
		assertThat(sensor.path("state_topic").asString()).isEqualTo(state);
		assertThat(sensor.path("availability_topic").asString()).isEqualTo("vigil/available");
		assertThat(sensor.path("device").path("name").asString()).isEqualTo(camera);
		assertThat(subscriber.on("homeassistant/image/vigil_" + camera + "_person_snapshot/config")).isNotEmpty();
		assertThat(subscriber.on("homeassistant/sensor/vigil_" + camera + "_last_event/config")).isNotEmpty();

		// What Home Assistant finds when it (re)starts: retained state and configs.
		try (MqttSubscriber late = new MqttSubscriber(broker.uri(), READER.user(), READER.password())) {
			eventually(() -> late.on(state), (list) -> !list.isEmpty());
			assertThat(late.on(state).getLast().text()).isEqualTo("OFF");
			assertThat(late.on(state).getLast().retained()).isTrue();
			eventually(() -> late.on("vigil/available"), (list) -> !list.isEmpty());
			assertThat(late.on("vigil/available").getLast().text()).isEqualTo("online");
			eventually(() -> late.on("homeassistant/binary_sensor/vigil_" + camera + "_person/config"),
					(list) -> !list.isEmpty());
			eventually(() -> late.on(state + "/snapshot"), (list) -> !list.isEmpty());
		}
	}

	@Test
	void eventsWithoutALabelPublishNothing() throws Exception {
		String quiet = camera("wind");
		String marker = camera("marker");
		publish(record(quiet, T0, 1, MotionEventChange.OPENED, List.of()));
		publish(record(quiet, T0, 2, MotionEventChange.CLOSED, List.of()));
		Snapshot snapshot = snapshot(marker, "m1");
		publish(record(marker, T0, 1, MotionEventChange.OPENED, List.of(new LabelScore("car", 0.7, snapshot))));
		eventually(() -> eventsOf(marker), (list) -> !list.isEmpty());
		assertThat(eventsOf(quiet)).isEmpty();
	}

	@Test
	void messagesQueuedWhileTheBrokerIsDownAreDeliveredWhenItReturns() throws Exception {
		String camera = camera("outage");
		Snapshot snapshot = snapshot(camera, "o1");
		broker.stop();
		try {
			publish(record(camera, T0, 1, MotionEventChange.OPENED, List.of(new LabelScore("person", 0.8, snapshot))));
			publish(record(camera, T0, 2, MotionEventChange.CLOSED, List.of(new LabelScore("person", 0.8, snapshot))));
			// Long enough for the consumer to take both and the channel to fail at least
			// once.
			Thread.sleep(1500);
		}
		finally {
			broker.start(Duration.ofSeconds(30));
		}
		List<JsonNode> events = eventually(() -> eventsOf(camera), (list) -> list.size() >= 2);
		assertThat(events).extracting((e) -> e.path("type").asString()).containsExactly("new", "end");
	}

	@Test
	void theReaderAccountMayNotPublishAndAWrongPasswordIsRefused() throws Exception {
		MqttClient wrong = new MqttClient(broker.uri(), "it-wrong", new MemoryPersistence());
		assertThatThrownBy(() -> wrong.connect(MqttSubscriber.options(READER.user(), "not-the-password")))
			.isInstanceOf(MqttSecurityException.class);
		wrong.close(true);

		MqttClient reader = new MqttClient(broker.uri(), "it-reader-writes", new MemoryPersistence());
		reader.connect(MqttSubscriber.options(READER.user(), READER.password()));
		String forged = "vigil/forged-" + UUID.randomUUID() + "/person";
		reader.publish(forged, "ON".getBytes(), 1, true);
		reader.disconnect();
		reader.close(true);
		// Mosquitto drops what the ACL forbids; a marker published by the service after
		// it shows the subscriber has seen everything before.
		String marker = camera("acl");
		publish(record(marker, T0, 1, MotionEventChange.OPENED, List.of(new LabelScore("person", 0.6, null))));
		eventually(() -> eventsOf(marker), (list) -> !list.isEmpty());
		assertThat(subscriber.on(forged)).isEmpty();
	}

	@Test
	void aMalformedRecordGoesToTheDeadLetterTopic() {
		String marker = "bad-" + UUID.randomUUID();
		send(marker, "{\"motionEventId\":\"" + marker + "\",\"revision\":0}");
		try (KafkaConsumer<String, String> dlq = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			dlq.subscribe(List.of(Topics.deadLetter(Topics.MOTION_EVENTS, "notification")));
			List<String> keys = new java.util.ArrayList<>();
			eventually(() -> {
				for (ConsumerRecord<String, String> r : dlq.poll(Duration.ofMillis(200))) {
					keys.add(r.key());
				}
				return keys;
			}, (list) -> list.contains(marker));
		}
	}

	private static List<JsonNode> eventsOf(String camera) {
		return subscriber.on("vigil/events")
			.stream()
			.map((m) -> JSON.readTree(m.text()))
			.filter((json) -> camera.equals(json.path("camera").asString()))
			.toList();
	}

}
