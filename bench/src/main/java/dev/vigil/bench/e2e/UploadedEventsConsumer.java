package dev.vigil.bench.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code media.uploaded} from the beginning in its own consumer group and notes,
 * per file (by {@code sha256}), the record's timestamp: when the edge produced the event.
 */
final class UploadedEventsConsumer implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final KafkaConsumer<String, String> consumer;

	private final ConcurrentMap<String, FileTimeline> timelines;

	private final AtomicLong unreadable = new AtomicLong();

	private final Thread thread;

	private volatile boolean running = true;

	UploadedEventsConsumer(String bootstrapServers, String topic, ConcurrentMap<String, FileTimeline> timelines) {
		this.timelines = timelines;
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "bench-e2e-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
		this.consumer.subscribe(List.of(topic));
		this.thread = Thread.ofPlatform().name("bench-e2e-uploaded").daemon().start(this::consume);
	}

	private void consume() {
		try {
			while (this.running) {
				for (ConsumerRecord<String, String> record : this.consumer.poll(Duration.ofMillis(200))) {
					note(record);
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

	private void note(ConsumerRecord<String, String> record) {
		try {
			JsonNode event = json.readTree(record.value());
			String sha256 = event.path("sha256").asString("");
			if (sha256.isEmpty()) {
				this.unreadable.incrementAndGet();
				return;
			}
			FileTimeline timeline = this.timelines.computeIfAbsent(sha256, FileTimeline::new);
			if (timeline.kafkaAt == 0) {
				timeline.kafkaAt = record.timestamp();
			}
		}
		catch (RuntimeException ex) {
			this.unreadable.incrementAndGet();
		}
	}

	long unreadable() {
		return this.unreadable.get();
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.consumer.wakeup();
		this.thread.join(Duration.ofSeconds(10));
	}

}
