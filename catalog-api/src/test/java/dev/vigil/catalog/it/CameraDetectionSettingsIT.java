package dev.vigil.catalog.it;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import dev.vigil.contracts.CameraDetection;
import dev.vigil.contracts.EventCodec;
import dev.vigil.contracts.MediaKind;
import dev.vigil.contracts.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A camera's detection settings, set in the API, reach processing-service as
 * {@code CameraDetection} records on the compacted {@code camera.detection} topic (real
 * Kafka): also for a camera that registered itself by uploading, without credentials, and
 * a tombstone when the camera is deleted. Refused settings change nothing.
 */
class CameraDetectionSettingsIT extends CatalogIT {

	private static final EventCodec CODEC = new EventCodec(Api.JSON);

	@Test
	void publishesACamerasDetectionSettingsForProcessingAndATombstoneWhenItIsDeleted() {
		String camera = WireEvents.camera("detect");
		wire.uploaded(WireEvents.upload(camera, WireEvents.mediaId(), Instant.parse("2026-12-01T06:19:00Z"),
				MediaKind.IMAGE));
		eventually(() -> this.api.get("/api/v1/cameras/" + camera, issuer.reader()), (r) -> r.status() == 200);

		Api.Response set = this.api.send("PATCH", "/api/v1/cameras/" + camera, issuer.admin(),
				"{\"detection\":{\"personDetection\":true,\"minPersonConfidence\":0.6,\"minBoxHeight\":40,"
						+ "\"labels\":{\"vehicle\":{\"enabled\":false},\"animal\":{\"minConfidence\":0.7}},"
						+ "\"zones\":[{\"points\":[{\"x\":0,\"y\":0.5},{\"x\":1,\"y\":0.5},{\"x\":1,\"y\":1},"
						+ "{\"x\":0,\"y\":1}]}]}}");
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		CameraDetection first = eventually(() -> latest(camera), (r) -> r != null && r.value() != null).value();
		assertThat(first.labels()).containsEntry("person", new CameraDetection.Label(true, 0.6))
			.containsEntry("vehicle", new CameraDetection.Label(false, null))
			.containsEntry("animal", new CameraDetection.Label(true, 0.7));
		assertThat(first.minBoxHeight()).isEqualTo(40);
		assertThat(first.zones()).hasSize(1);
		assertThat(first.zones().getFirst().points()).hasSize(4).first().isEqualTo(new CameraDetection.Point(0.0, 0.5));

		// The UI's form sends only the person fields: labels, zones and box height stay.
		Api.Response people = this.api.send("PATCH", "/api/v1/cameras/" + camera, issuer.admin(),
				"{\"detection\":{\"personDetection\":false}}");
		assertThat(people.status()).as(people.body()).isEqualTo(200);
		CameraDetection second = eventually(() -> latest(camera),
				(r) -> r != null && r.value() != null && r.value().revision() > first.revision())
			.value();
		assertThat(second.labels()).containsEntry("person", new CameraDetection.Label(false, null))
			.containsEntry("vehicle", new CameraDetection.Label(false, null));
		assertThat(second.zones()).isEqualTo(first.zones());
		assertThat(second.minBoxHeight()).isEqualTo(40);

		Api.Response deleted = this.api.send("DELETE", "/api/v1/cameras/" + camera, issuer.admin(), null);
		assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
		eventually(() -> latest(camera), (r) -> r != null && r.value() == null);
	}

	@Test
	void refusesUnknownLabelsAndBrokenZonesAndPublishesNothingForThem() {
		String camera = WireEvents.camera("detect-bad");
		wire.uploaded(WireEvents.upload(camera, WireEvents.mediaId(), Instant.parse("2026-12-01T06:19:00Z"),
				MediaKind.IMAGE));
		eventually(() -> this.api.get("/api/v1/cameras/" + camera, issuer.reader()), (r) -> r.status() == 200);
		List<String> refused = List.of("{\"detection\":{\"labels\":{\"cat\":{\"enabled\":true}}}}",
				"{\"detection\":{\"labels\":{\"person\":{\"minConfidence\":1.5}}}}",
				"{\"detection\":{\"zones\":[{\"points\":[{\"x\":0,\"y\":0},{\"x\":1,\"y\":1}]}]}}",
				"{\"detection\":{\"zones\":[{\"points\":[{\"x\":0,\"y\":0},{\"x\":1.5,\"y\":0},{\"x\":1,\"y\":1}]}]}}",
				"{\"detection\":{\"zones\":[{\"points\":[{\"x\":0,\"y\":0},null,{\"x\":1,\"y\":1}]}]}}",
				"{\"detection\":{\"minBoxHeight\":-1}}");
		for (String body : refused) {
			Api.Response response = this.api.send("PATCH", "/api/v1/cameras/" + camera, issuer.admin(), body);
			assertThat(response.status()).as(body + " -> " + response.body()).isEqualTo(400);
			assertThat(response.contentType()).as(body).startsWith("application/problem+json");
		}
		assertThat(this.api.get("/api/v1/cameras/" + camera, issuer.reader()).json().path("detection").isNull()
				|| this.api.get("/api/v1/cameras/" + camera, issuer.reader()).json().path("detection").isMissingNode())
			.isTrue();
		// Once a later valid change is on the topic, nothing came before it.
		assertThat(this.api
			.send("PATCH", "/api/v1/cameras/" + camera, issuer.admin(), "{\"detection\":{\"minBoxHeight\":10}}")
			.status()).isEqualTo(200);
		eventually(() -> latest(camera), (r) -> r != null && r.value() != null);
		assertThat(records(camera)).hasSize(1);
	}

	private record Latest(CameraDetection value) {

	}

	private static Latest latest(String camera) {
		List<ConsumerRecord<String, byte[]>> records = records(camera);
		if (records.isEmpty()) {
			return null;
		}
		byte[] value = records.getLast().value();
		return new Latest((value != null) ? CODEC.read(value, CameraDetection.class) : null);
	}

	/** Every record of one camera on the topic, read from the beginning. */
	private static List<ConsumerRecord<String, byte[]>> records(String camera) {
		List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
						ConsumerConfig.CLIENT_ID_CONFIG, "it-" + UUID.randomUUID()),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			var partitions = consumer.partitionsFor(Topics.CAMERA_DETECTION, Duration.ofSeconds(10));
			if (partitions == null || partitions.isEmpty()) {
				return found;
			}
			List<TopicPartition> assigned = partitions.stream()
				.map((p) -> new TopicPartition(p.topic(), p.partition()))
				.toList();
			consumer.assign(assigned);
			consumer.seekToBeginning(assigned);
			Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (System.nanoTime() < deadline
					&& end.entrySet().stream().anyMatch((e) -> consumer.position(e.getKey()) < e.getValue())) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (camera.equals(record.key())) {
						found.add(record);
					}
				}
			}
		}
		return found;
	}

}
