package dev.vigil.notify.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Follows some topics on a virtual thread and hands each poll's records to a handler.
 * Offsets are committed after the handler returned (at-least-once; the handlers are
 * idempotent); a failing round is retried after a pause, the service goes on meanwhile.
 * Topics are never created here (the platform creates them, compacted where needed); one
 * that appears later is picked up within the metadata refresh.
 */
class KafkaFeed implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(KafkaFeed.class);

	private final String name;

	private final Properties config;

	private final List<String> topics;

	private final Consumer<ConsumerRecords<String, byte[]>> handler;

	private volatile boolean running;

	private volatile @Nullable KafkaConsumer<String, byte[]> consumer;

	private @Nullable Thread thread;

	KafkaFeed(String name, Map<String, Object> connection, String group, String offsetReset, List<String> topics,
			Consumer<ConsumerRecords<String, byte[]>> handler) {
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
	Properties consumerConfig() {
		return this.config;
	}

	@Override
	public synchronized void start() {
		this.running = true;
		this.thread = Thread.ofVirtual().name("system-feed-" + this.name).start(this::follow);
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		KafkaConsumer<String, byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		if (this.thread != null) {
			try {
				this.thread.join(Duration.ofSeconds(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void follow() {
		while (this.running) {
			try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(this.config, new StringDeserializer(),
					new ByteArrayDeserializer())) {
				this.consumer = kafka;
				if (!this.running) {
					return;
				}
				kafka.subscribe(this.topics);
				while (this.running) {
					ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofSeconds(1));
					if (!records.isEmpty()) {
						this.handler.accept(records);
						kafka.commitSync();
					}
				}
			}
			catch (WakeupException ex) {
				return;
			}
			catch (RuntimeException ex) {
				log.warn("System feed {} failed ({}); retrying", this.name, ex.toString());
				try {
					Thread.sleep(5_000);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			finally {
				this.consumer = null;
			}
		}
	}

}
