package dev.vigil.ingest.publish;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import dev.vigil.contracts.MediaUploaded;
import dev.vigil.devstack.Infrastructure;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

import dev.vigil.ingest.Sha256;

/** What a consumer of the platform sees: events on the real topic, objects in S3. */
final class Published {

	private final Infrastructure infrastructure;

	private final JsonMapper json = JsonMapper.builder().build();

	Published(Infrastructure infrastructure) {
		this.infrastructure = infrastructure;
	}

	/**
	 * Every MediaUploaded on the topic so far, with its Kafka key, read until
	 * {@code until} holds.
	 */
	List<Keyed> events(Predicate<List<Keyed>> until, Duration timeout) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.infrastructure.kafkaBootstrapServers());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "ingest-it-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<Keyed> events = new ArrayList<>();
		long deadline = System.nanoTime() + timeout.toNanos();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of("media.uploaded"));
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					events.add(new Keyed(record.key(), this.json.readValue(record.value(), MediaUploaded.class)));
				}
				if (until.test(events)) {
					return events;
				}
			}
		}
		return events;
	}

	MinioClient s3() {
		return MinioClient.builder()
			.endpoint(this.infrastructure.s3Endpoint())
			.credentials(this.infrastructure.s3AccessKey(), this.infrastructure.s3SecretKey())
			.region(this.infrastructure.s3Region())
			.build();
	}

	List<String> objectKeys(String prefix) throws Exception {
		List<String> keys = new ArrayList<>();
		for (Result<Item> item : s3().listObjects(ListObjectsArgs.builder()
			.bucket(this.infrastructure.s3Bucket())
			.prefix(prefix)
			.recursive(true)
			.build())) {
			keys.add(item.get().objectName());
		}
		return keys;
	}

	String objectSha256(String key) throws Exception {
		try (InputStream in = s3()
			.getObject(GetObjectArgs.builder().bucket(this.infrastructure.s3Bucket()).object(key).build())) {
			return Sha256.of(in.readAllBytes());
		}
	}

	record Keyed(String key, MediaUploaded event) {
	}

}
