package dev.vigil.notify.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.vigil.support.ConsumerLoop;

/**
 * Follows some topics on a virtual thread and hands each poll's records to a handler.
 * Offsets are committed after the handler returned (at-least-once; the handlers are
 * idempotent); a failing round is retried after a pause, the service goes on meanwhile.
 * Topics are never created here (the platform creates them, compacted where needed); one
 * that appears later is picked up within the metadata refresh.
 */
class KafkaFeed extends ConsumerLoop {

	private static final Logger log = LoggerFactory.getLogger(KafkaFeed.class);

	private final String name;

	private final Properties config;

	private final List<String> topics;

	private final Consumer<ConsumerRecords<String, byte[]>> handler;

	KafkaFeed(String name, Map<String, Object> connection, String group, String offsetReset, List<String> topics,
			Consumer<ConsumerRecords<String, byte[]>> handler) {
		super("system-feed-" + name, Duration.ofSeconds(5));
		this.name = name;
		this.topics = topics;
		this.handler = handler;
		this.config = new Properties();
		this.config.putAll(connection);
		this.config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		this.config.put(ConsumerConfig.CLIENT_ID_CONFIG, "vigil-notification-" + name);
		this.config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, offsetReset);
		this.config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		this.config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
		this.config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 10_000);
		this.config.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000);
		this.config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 4 * 1024 * 1024);
		this.config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1024 * 1024);
	}

	/** The consumer's configuration (connection, group, offsets). */
	@Override
	protected Properties consumerConfig() {
		return this.config;
	}

	@Override
	protected void session(KafkaConsumer<String, byte[]> kafka) {
		kafka.subscribe(this.topics);
		while (isRunning()) {
			ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofSeconds(1));
			if (!records.isEmpty()) {
				this.handler.accept(records);
				kafka.commitSync();
			}
		}
	}

	@Override
	protected void failed(RuntimeException ex) {
		log.warn("System feed {} failed ({}); retrying", this.name, ex.toString());
	}

}
