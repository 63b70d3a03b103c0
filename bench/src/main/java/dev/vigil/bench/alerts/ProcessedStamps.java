package dev.vigil.bench.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

import dev.vigil.contracts.Topics;

/**
 * Reads {@code media.processed} from the beginning in its own group and notes, per file
 * ({@code mediaId} = SHA-256), the record's timestamp: when processing-service finished
 * it. The baseline the alert times are set beside.
 */
final class ProcessedStamps implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final KafkaConsumer<String, String> consumer;

	private final Map<String, Long> processedAt = new ConcurrentHashMap<>();

	private final Thread thread;

	private volatile boolean running = true;

	ProcessedStamps(String bootstrapServers) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "bench-alerts-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
		this.consumer.subscribe(List.of(Topics.MEDIA_PROCESSED));
		this.thread = Thread.ofPlatform().name("bench-alerts-processed").daemon().start(this::consume);
	}

	private void consume() {
		try {
			while (this.running) {
				for (ConsumerRecord<String, String> record : this.consumer.poll(Duration.ofMillis(200))) {
					try {
						String media = json.readTree(record.value()).path("mediaId").asString("");
						this.processedAt.putIfAbsent(media, record.timestamp());
					}
					catch (RuntimeException ex) {
						// Not a record of this contract: not a file of this run either.
					}
				}
			}
		}
		catch (WakeupException stopping) {
			// close() was called.
		}
		finally {
			this.consumer.close(Duration.ofSeconds(5));
		}
	}

	/**
	 * When a file was processed.
	 * @param sha256 the file's hash
	 * @return epoch millis, 0 if not (yet)
	 */
	long processedAt(String sha256) {
		return this.processedAt.getOrDefault(sha256, 0L);
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.consumer.wakeup();
		this.thread.join(Duration.ofSeconds(10));
	}

}
