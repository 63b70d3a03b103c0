package dev.vigil.processing.detect;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Follows the compacted {@code camera.detection} topic: on every start it restores the
 * last known copy, then reads the topic from the beginning (manual assignment of every
 * partition, no consumer group, nothing committed: every instance needs every camera, and
 * the replay is idempotent) and keeps following it. Kafka being away never blocks
 * processing: the follower retries in the background and the settings held stay in force.
 */
class CameraDetectionFollower implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(CameraDetectionFollower.class);

	private final Map<String, Object> consumerConfig;

	private final String topic;

	private final Duration retry;

	private final PlatformCameraSettings settings;

	private volatile boolean running;

	private volatile boolean caughtUp;

	private volatile @Nullable KafkaConsumer<String, byte[]> consumer;

	private @Nullable Thread thread;

	/**
	 * @param consumerConfig connection settings (bootstrap servers, security)
	 * @param topic the topic to follow
	 * @param retry pause after a failure
	 * @param settings where records go
	 */
	CameraDetectionFollower(Map<String, Object> consumerConfig, String topic, Duration retry,
			PlatformCameraSettings settings) {
		this.consumerConfig = Map.copyOf(consumerConfig);
		this.topic = topic;
		this.retry = retry;
		this.settings = settings;
	}

	@Override
	public synchronized void start() {
		this.settings.restore();
		this.running = true;
		this.thread = Thread.ofVirtual().name("camera-detection-follower").start(this::follow);
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		KafkaConsumer<String, byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		Thread follower = this.thread;
		if (follower != null) {
			follower.interrupt();
			try {
				follower.join(Duration.ofSeconds(10));
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

	/** Whether the whole topic was read since start. */
	boolean isCaughtUp() {
		return this.caughtUp;
	}

	private void follow() {
		while (this.running) {
			try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(this.consumerConfig,
					new StringDeserializer(), new ByteArrayDeserializer())) {
				this.consumer = kafka;
				if (this.running) {
					read(kafka);
				}
			}
			catch (WakeupException ex) {
				return;
			}
			catch (RuntimeException ex) {
				logger.warn("Following {} failed, retrying in {}; the detection settings held stay: {}", this.topic,
						this.retry, ex.toString());
			}
			finally {
				this.consumer = null;
			}
			pause();
		}
	}

	/** Returns when the topic does not exist (yet); else follows it until stopped. */
	private void read(KafkaConsumer<String, byte[]> kafka) {
		List<PartitionInfo> infos = kafka.listTopics(Duration.ofSeconds(10)).get(this.topic);
		if (infos == null || infos.isEmpty()) {
			logger.debug("Topic {} not there yet", this.topic);
			return;
		}
		List<TopicPartition> partitions = infos.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		kafka.assign(partitions);
		kafka.seekToBeginning(partitions);
		Map<TopicPartition, Long> end = kafka.endOffsets(partitions, Duration.ofSeconds(10));
		Set<String> seen = new HashSet<>();
		boolean replaying = true;
		while (this.running) {
			for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofSeconds(1))) {
				if (record.key() != null) {
					seen.add(record.key());
					this.settings.apply(record.key(), record.value());
				}
			}
			if (replaying && end.entrySet().stream().allMatch((e) -> kafka.position(e.getKey()) >= e.getValue())) {
				replaying = false;
				this.settings.retainOnly(seen);
				this.caughtUp = true;
				logger.info("Read the detection settings of {} camera(s) from {}; following it",
						this.settings.cameraIds().size(), this.topic);
			}
		}
	}

	private void pause() {
		try {
			Thread.sleep(this.retry);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	@Override
	public int getPhase() {
		// Before the binder's consumers start: the settings held apply from the first
		// item.
		return Integer.MIN_VALUE + 1000;
	}

}
