package dev.vigil.catalog.it;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.vigil.contracts.ContractSamples;
import dev.vigil.contracts.MediaKind;
import dev.vigil.contracts.MediaUploaded;
import dev.vigil.contracts.Topics;

import static org.assertj.core.api.Assertions.assertThat;

class LiveAndDeadLetterIT extends CatalogIT {

	@Autowired
	MeterRegistry meters;

	@Test
	void streamsANewMediaToASubscribedClient() throws Exception {
		String camera = WireEvents.camera("live");
		String other = WireEvents.camera("live-other");
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.api.base() + "/api/v1/stream"))
			.header("Authorization", "Bearer " + issuer.token("media:read", List.of(camera)))
			.header("Accept", "text/event-stream")
			.build();
		HttpResponse<Stream<String>> response = this.api.http().send(request, HttpResponse.BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		Thread reader = Thread.ofVirtual().start(() -> response.body().forEach(lines::add));
		try {
			awaitLine(lines, "event:ready", "");
			String hidden = WireEvents.mediaId();
			String shown = WireEvents.mediaId();
			// Same instant for both: the other camera's item would arrive first if it
			// leaked.
			wire.uploaded(WireEvents.upload(other, hidden, Instant.now(), MediaKind.IMAGE));
			long published = System.nanoTime();
			wire.uploaded(WireEvents.upload(camera, shown, Instant.now(), MediaKind.IMAGE));
			String data = awaitLine(lines, "data:", "mediaId");
			long first = Duration.ofNanos(System.nanoTime() - published).toMillis();
			assertThat(data).contains(shown).contains("UPLOADED").doesNotContain(hidden);

			String next = WireEvents.mediaId();
			published = System.nanoTime();
			wire.uploaded(WireEvents.upload(camera, next, Instant.now().plusSeconds(5), MediaKind.IMAGE));
			assertThat(awaitLine(lines, "data:", next)).contains("UPLOADED");
			// Reported, not asserted: latency is measured in bench/; the test bounds the
			// wait.
			System.out.printf("SSE latency from Kafka publish to client: first %d ms, next %d ms%n", first,
					Duration.ofNanos(System.nanoTime() - published).toMillis());
		}
		finally {
			reader.interrupt();
			response.body().close();
		}
	}

	@Test
	void capsTheLiveStreamsOfOneCallerSoOthersStillGetOne() throws Exception {
		// One user (or a stolen token) opening streams in a loop, each with a fresh token
		// of the same subject: the default cap is 10 per caller.
		String subject = "it-streamer-" + UUID.randomUUID();
		List<HttpResponse<Stream<String>>> open = new java.util.ArrayList<>();
		try {
			for (int i = 0; i < 10; i++) {
				HttpResponse<Stream<String>> stream = openStream(issuer.tokenFor(subject, "media:read"));
				open.add(stream);
				assertThat(stream.statusCode()).as("stream %d", i + 1).isEqualTo(200);
			}
			HttpResponse<Stream<String>> refused = openStream(issuer.tokenFor(subject, "media:read"));
			open.add(refused);
			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(refused.body().collect(java.util.stream.Collectors.joining()))
				.contains("https://vigil.dev/problems/too-many-streams");

			HttpResponse<Stream<String>> other = openStream(
					issuer.tokenFor("it-other-" + UUID.randomUUID(), "media:read"));
			open.add(other);
			assertThat(other.statusCode()).as("another caller still gets a stream").isEqualTo(200);
		}
		finally {
			open.forEach((response) -> response.body().close());
		}
	}

	private HttpResponse<Stream<String>> openStream(String token) throws Exception {
		return this.api.http()
			.send(HttpRequest.newBuilder(URI.create(this.api.base() + "/api/v1/stream"))
				.header("Authorization", "Bearer " + token)
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofLines());
	}

	@Test
	void sendsEventsOfAnUnknownSchemaVersionAndBrokenEventsToTheDeadLetterTopic() {
		String newer = ContractSamples.sample(ContractSamples.UPLOADED_IMAGE)
			.replace("\"schemaVersion\": 1", "\"schemaVersion\": 2")
			.replace("\"cameraId\": \"driveway\"", "\"cameraId\": \"dlq-camera\"");
		String broken = ContractSamples.malformed("processed-confidence-above-one.json");
		String uploadKey = "dlq-" + UUID.randomUUID();
		String processedKey = "dlq-" + UUID.randomUUID();
		wire.send(Topics.MEDIA_UPLOADED, uploadKey, newer);
		wire.send(Topics.MEDIA_PROCESSED, processedKey, broken);

		try (KafkaConsumer<String, String> dlq = new KafkaConsumer<>(
				Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			dlq.subscribe(List.of(Topics.deadLetter(Topics.MEDIA_UPLOADED, "catalog"),
					Topics.deadLetter(Topics.MEDIA_PROCESSED, "catalog")));
			java.util.Set<String> seen = new java.util.HashSet<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (!seen.containsAll(List.of(uploadKey, processedKey)) && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : dlq.poll(Duration.ofMillis(500))) {
					seen.add(record.key());
				}
			}
			assertThat(seen).contains(uploadKey, processedKey);
		}
		assertThat(this.api.get("/api/v1/cameras/dlq-camera", issuer.reader()).status()).isEqualTo(404);
	}

	@Test
	void refusesAnUploadNamingAnotherBucketAndDeadLettersIt() {
		String camera = WireEvents.camera("foreign-bucket");
		String mediaId = WireEvents.mediaId();
		MediaUploaded own = WireEvents.upload(camera, mediaId, Instant.now(), MediaKind.IMAGE);
		// A forged event: the catalog would presign (and on delete remove) objects of a
		// bucket it does not own.
		MediaUploaded forged = new MediaUploaded(UUID.randomUUID(), mediaId, own.edgeNodeId(), camera, own.objectKey(),
				"someone-elses-bucket", own.contentType(), own.sizeBytes(), own.sha256(), own.originalPath(),
				own.capturedAt(), own.capturedAtSource(), own.receivedAt(), own.kind(), 1);
		double before = this.meters
			.counter("vigil.catalog.events", "topic", "media.uploaded", "outcome", "foreign-bucket")
			.count();
		wire.uploaded(forged);

		assertThat(awaitDeadLetters(Topics.MEDIA_UPLOADED, camera)).anyMatch((json) -> json.contains(mediaId));
		assertThat(this.meters.counter("vigil.catalog.events", "topic", "media.uploaded", "outcome", "foreign-bucket")
			.count()).isEqualTo(before + 1);
		assertThat(this.api.get("/api/v1/cameras/" + camera, issuer.reader()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/media/" + mediaId, issuer.reader()).status()).isEqualTo(404);
	}

	private static List<String> awaitDeadLetters(String topic, String key) {
		try (KafkaConsumer<String, String> dlq = new KafkaConsumer<>(
				Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			dlq.subscribe(List.of(Topics.deadLetter(topic, "catalog")));
			List<String> found = new java.util.ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (found.isEmpty() && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : dlq.poll(Duration.ofMillis(500))) {
					if (key.equals(record.key())) {
						found.add(record.value());
					}
				}
			}
			return found;
		}
	}

	private static String awaitLine(BlockingQueue<String> lines, String prefix, String content)
			throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			String line = lines.poll(100, TimeUnit.MILLISECONDS);
			if (line != null && line.replace(" ", "").startsWith(prefix) && line.contains(content)) {
				return line;
			}
		}
		throw new AssertionError("No line starting with " + prefix + " within the bound");
	}

}
