package dev.vigil.devstack;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that every component is a real server reachable with the clients the services
 * use.
 */
@VigilInfrastructure
class DevstackIT {

	@Test
	void kafkaDeliversAProducedRecordToAConsumer(Infrastructure infrastructure) throws Exception {
		String topic = "devstack-it-" + UUID.randomUUID();
		produce(infrastructure, topic, "camera-1", "hello");

		assertThat(consumeAll(infrastructure, topic, 1)).containsExactly("camera-1=hello");
	}

	@Test
	void redisStoresAndReturnsAValue(Infrastructure infrastructure) {
		RedisClient client = RedisClient
			.create("redis://" + infrastructure.redisHost() + ":" + infrastructure.redisPort());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().set("devstack-it", "42");

			assertThat(connection.sync().get("devstack-it")).isEqualTo("42");
			assertThat(connection.sync().info("server")).contains("redis_version");
		}
		finally {
			client.shutdown();
		}
	}

	@Test
	void s3StoresObjectsAndServesPresignedRangeRequests(Infrastructure infrastructure) throws Exception {
		MinioClient s3 = s3(infrastructure);
		byte[] content = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
		String key = "originals/it/" + UUID.randomUUID() + ".txt";
		put(s3, infrastructure, key, content);

		try (InputStream in = s3
			.getObject(GetObjectArgs.builder().bucket(infrastructure.s3Bucket()).object(key).build())) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		String url = s3.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
			.method(Http.Method.GET)
			.bucket(infrastructure.s3Bucket())
			.object(key)
			.expiry(5, TimeUnit.MINUTES)
			.build());
		HttpResponse<byte[]> partial = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).header("Range", "bytes=10-14").build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(partial.statusCode()).isEqualTo(206);
		assertThat(new String(partial.body(), StandardCharsets.US_ASCII)).isEqualTo("abcde");

		HttpResponse<byte[]> unsigned = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url.substring(0, url.indexOf('?')))).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(unsigned.statusCode()).isEqualTo(403);
	}

	@Test
	void s3KeepsObjectsAcrossAStopAndStart(Infrastructure infrastructure) throws Exception {
		MinioClient s3 = s3(infrastructure);
		byte[] content = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
		String key = "originals/restart/" + UUID.randomUUID() + ".txt";
		put(s3, infrastructure, key, content);

		infrastructure.stop(Component.S3);
		try {
			assertThat(tryGet(s3, infrastructure, key)).isNull();
		}
		finally {
			infrastructure.start(Component.S3);
		}

		assertThat(tryGet(s3, infrastructure, key)).isEqualTo(content);
	}

	@Test
	void kafkaKeepsRecordsAcrossAStopAndStart(Infrastructure infrastructure) throws Exception {
		String topic = "devstack-restart-" + UUID.randomUUID();
		produce(infrastructure, topic, "camera-2", "before");

		infrastructure.stop(Component.KAFKA);
		infrastructure.start(Component.KAFKA);
		produce(infrastructure, topic, "camera-2", "after");

		assertThat(consumeAll(infrastructure, topic, 2)).containsExactly("camera-2=before", "camera-2=after");
	}

	@Test
	void redisKeepsDataAcrossAStopAndStart(Infrastructure infrastructure) {
		RedisClient client = RedisClient
			.create("redis://" + infrastructure.redisHost() + ":" + infrastructure.redisPort());
		try {
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				connection.sync().set("devstack-restart", "kept");
			}
			infrastructure.stop(Component.REDIS);
			infrastructure.start(Component.REDIS);
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				assertThat(connection.sync().get("devstack-restart")).isEqualTo("kept");
			}
		}
		finally {
			client.shutdown();
		}
	}

	@Test
	void setsTheInfrastructurePropertiesAsSystemProperties(Infrastructure infrastructure) {
		Map<String, String> properties = infrastructure.springProperties();

		assertThat(properties).containsKeys("spring.kafka.bootstrap-servers",
				"spring.cloud.stream.kafka.binder.brokers", "spring.data.redis.host", "spring.data.redis.port",
				"spring.mongodb.uri", "vigil.s3.endpoint", "vigil.s3.access-key", "vigil.s3.secret-key",
				"vigil.s3.bucket", "vigil.s3.region");
		properties.forEach((name, value) -> assertThat(System.getProperty(name)).as(name).isEqualTo(value));
		assertThat(infrastructure.mongoUri()).startsWith("mongodb://").doesNotContain("/test");
		assertThat(InfrastructureExtension.infrastructure()).isSameAs(infrastructure);
		assertThat(Infrastructure.shared()).isSameAs(infrastructure);
	}

	static MinioClient s3(Infrastructure infrastructure) {
		return MinioClient.builder()
			.endpoint(infrastructure.s3Endpoint())
			.region(infrastructure.s3Region())
			.credentials(infrastructure.s3AccessKey(), infrastructure.s3SecretKey())
			.build();
	}

	private static void put(MinioClient s3, Infrastructure infrastructure, String key, byte[] content)
			throws Exception {
		s3.putObject(PutObjectArgs.builder()
			.bucket(infrastructure.s3Bucket())
			.object(key)
			.contentType("text/plain")
			.stream(new ByteArrayInputStream(content), (long) content.length, -1L)
			.build());
	}

	private static byte[] tryGet(MinioClient s3, Infrastructure infrastructure, String key) {
		try (InputStream in = s3
			.getObject(GetObjectArgs.builder().bucket(infrastructure.s3Bucket()).object(key).build())) {
			return in.readAllBytes();
		}
		catch (Exception ex) {
			return null;
		}
	}

	private static void produce(Infrastructure infrastructure, String topic, String key, String value)
			throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
						ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
						ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
						ProducerConfig.ACKS_CONFIG, "all"))) {
			producer.send(new ProducerRecord<>(topic, key, value)).get(60, TimeUnit.SECONDS);
		}
	}

	private static List<String> consumeAll(Infrastructure infrastructure, String topic, int expected) {
		List<String> received = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "devstack-it-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (received.size() < expected && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					received.add(record.key() + "=" + record.value());
				}
			}
		}
		return received;
	}

}
