package dev.vigil.notify.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.vigil.contracts.LabelScore;
import dev.vigil.contracts.MotionEventChange;
import dev.vigil.contracts.MotionEventChanged;
import dev.vigil.contracts.Snapshot;
import dev.vigil.contracts.Topics;
import dev.vigil.devstack.Infrastructure;
import dev.vigil.devstack.MosquittoBroker;
import dev.vigil.devstack.TestMedia;
import dev.vigil.devstack.VigilInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service against real Kafka, MongoDB wire server and S3 (devstack) and a real
 * Mosquitto with a password per client. Subclasses share one context and one broker; each
 * test uses its own cameras.
 */
@VigilInfrastructure
@SpringBootTest(properties = { "spring.mongodb.database=vigil-notification-it",
		"vigil.notification.public-url=https://vigil.example.net", "vigil.notification.delivery.poll-interval=50ms",
		"vigil.notification.delivery.initial-back-off=200ms", "vigil.notification.delivery.max-back-off=1s",
		"spring.cloud.stream.bindings.motionEvents-in-0.consumer.back-off-initial-interval=100",
		// The public key below verifies tokens; no discovery against an issuer.
		"spring.security.oauth2.resourceserver.jwt.issuer-uri=",
		"vigil.notification.channels.secret-key=it-only-channel-secret-key-0123456789",
		"vigil.notification.channels.allowed-hosts=localhost",
		// System checks at test speed; only cameras that upload in a test are watched.
		"vigil.notification.system.check-interval=300ms", "vigil.notification.system.camera-silent-after=3s",
		"vigil.notification.system.dead-letter-quiet-after=2s", "vigil.notification.system.service-failures=2",
		"vigil.notification.channels.smtp-trusted-hosts=localhost", "vigil.notification.channels.max-failures=4" },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("devstack")
abstract class NotificationIT {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String WRITE = TestTokens.token("notifications:write");

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	static final MosquittoBroker.Account SERVICE = new MosquittoBroker.Account("vigil-notify", "service-secret-1",
			List.of("readwrite vigil/#", "readwrite homeassistant/#"));

	static final MosquittoBroker.Account READER = new MosquittoBroker.Account("vigil-reader", "reader-secret-1",
			List.of("read vigil/#", "read homeassistant/#"));

	static final MosquittoBroker broker = startBroker();

	/** A service's health endpoint the system checks poll (as {@code probe}). */
	static final HealthEndpoint probe = HealthEndpoint.start();

	static Infrastructure infrastructure;

	@LocalServerPort
	int port;

	/** An answer of the API. */
	record Response(int status, JsonNode json, String body) {

	}

	static KafkaProducer<String, String> producer;

	static MqttSubscriber subscriber;

	private static MosquittoBroker startBroker() {
		try {
			Path dir = Files.createTempDirectory("vigil-mosquitto-it");
			return MosquittoBroker.start(dir, dir.resolve("mosquitto.log"), 0, List.of(SERVICE, READER),
					Duration.ofSeconds(30));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@DynamicPropertySource
	static void mqtt(DynamicPropertyRegistry registry) {
		registry.add("vigil.notification.mqtt.uri", broker::uri);
		registry.add("vigil.notification.mqtt.username", SERVICE::user);
		registry.add("vigil.notification.mqtt.password", SERVICE::password);
		registry.add("vigil.notification.system.services.probe", probe::url);
		registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
				() -> "file:" + TestTokens.PUBLIC_KEY);
	}

	@BeforeAll
	static void connect(Infrastructure infra) throws Exception {
		infrastructure = infra;
		if (producer == null) {
			producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
					infra.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
					new StringSerializer());
		}
		subscriber = new MqttSubscriber(broker.uri(), READER.user(), READER.password());
	}

	@AfterAll
	static void disconnect() throws Exception {
		if (subscriber != null) {
			subscriber.close();
		}
	}

	static String camera(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static void publish(MotionEventChanged record) {
		send(record.cameraId(), JSON.writeValueAsString(record));
	}

	/** As catalog-api's outbox relay sends it (StreamBridge, contentType header). */
	static void send(String key, String json) {
		ProducerRecord<String, String> record = new ProducerRecord<>(Topics.MOTION_EVENTS, key, json);
		record.headers().add("contentType", "application/json".getBytes(StandardCharsets.UTF_8));
		record.headers()
			.add("spring_json_header_types", "{\"contentType\":\"java.lang.String\"}".getBytes(StandardCharsets.UTF_8));
		try {
			producer.send(record).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish", ex);
		}
	}

	static void send(String topic, String key, String json) {
		try {
			producer.send(new ProducerRecord<>(topic, key, json)).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish", ex);
		}
	}

	/** A real thumbnail (Debian darknet's person.jpg) in the media bucket. */
	static Snapshot snapshot(String camera, String name) throws Exception {
		byte[] jpeg = Files.readAllBytes(TestMedia.file("darknet/person.jpg"));
		MinioClient minio = MinioClient.builder()
			.endpoint(infrastructure.s3Endpoint())
			.region(infrastructure.s3Region())
			.credentials(infrastructure.s3AccessKey(), infrastructure.s3SecretKey())
			.build();
		String key = "derived/" + camera + "/" + name + "/thumb.jpg";
		minio.putObject(PutObjectArgs.builder()
			.bucket(infrastructure.s3Bucket())
			.object(key)
			.stream(new ByteArrayInputStream(jpeg), (long) jpeg.length, -1L)
			.contentType("image/jpeg")
			.build());
		return new Snapshot(camera + "." + name, infrastructure.s3Bucket(), key);
	}

	static byte[] person() throws IOException {
		return Files.readAllBytes(TestMedia.file("darknet/person.jpg"));
	}

	static MotionEventChanged record(String camera, Instant start, int revision, MotionEventChange type,
			List<LabelScore> labels) {
		return new MotionEventChanged(UUID.randomUUID(), camera + "." + start.toEpochMilli(), revision, type, camera,
				start, start.plusSeconds(revision), revision, labels,
				labels.isEmpty() ? null : labels.getFirst().snapshot(), Instant.now(), 1);
	}

	static <T> T eventually(Supplier<T> probe, Predicate<T> done) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(probe::get, done::test);
	}

	String rule(String json) throws Exception {
		Response created = call("POST", "/api/v1/notifications/rules", WRITE, json);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asString();
	}

	Response call(String method, String path, String token, String body) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Content-Type", "application/json")
				.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
						: HttpRequest.BodyPublishers.noBody());
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
			return new Response(response.statusCode(), json,
					response.body() + response.headers().firstValue("WWW-Authenticate").orElse(""));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
