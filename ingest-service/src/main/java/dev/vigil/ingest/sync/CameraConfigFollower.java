package dev.vigil.ingest.sync;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.vigil.ingest.PlatformKafka;
import dev.vigil.support.ConsumerLoop;

/**
 * Reads the compacted {@code camera.config} topic from the beginning on every start
 * (manual assignment, no consumer group, nothing committed: the topic is small and the
 * replay idempotent), then keeps following it. Until Kafka answers, the edge works from
 * the last known copy; the follower retries in the background and never blocks uploads.
 */
class CameraConfigFollower extends ConsumerLoop {

	private static final Logger log = LoggerFactory.getLogger(CameraConfigFollower.class);

	private final PlatformKafka kafka;

	private final String clientId;

	private final SyncProperties properties;

	private final PlatformCameras cameras;

	private volatile boolean caughtUp;

	CameraConfigFollower(PlatformKafka kafka, String clientId, SyncProperties properties, PlatformCameras cameras) {
		super("camera-config-follower", properties.retryInterval());
		this.kafka = kafka;
		this.clientId = clientId;
		this.properties = properties;
		this.cameras = cameras;
	}

	@Override
	protected void beforeStart() {
		this.cameras.restore();
	}

	/** Whether the whole topic has been read since start. */
	boolean isCaughtUp() {
		return this.caughtUp;
	}

	@Override
	protected void session(KafkaConsumer<String, byte[]> kafka) {
		List<TopicPartition> partitions = partitions(kafka);
		if (partitions.isEmpty()) {
			log.debug("Topic {} not there yet; working from the last known copy", this.properties.configTopic());
			pause();
			return;
		}
		kafka.assign(partitions);
		kafka.seekToBeginning(partitions);
		Map<TopicPartition, Long> end = kafka.endOffsets(partitions, Duration.ofSeconds(10));
		Set<String> keys = new HashSet<>();
		boolean replaying = true;
		while (isRunning()) {
			for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofSeconds(1))) {
				if (record.key() == null) {
					continue;
				}
				if (replaying) {
					keys.add(record.key());
				}
				this.cameras.apply(record.key(), record.value());
			}
			if (replaying && end.entrySet().stream().allMatch((e) -> kafka.position(e.getKey()) >= e.getValue())) {
				replaying = false;
				this.cameras.retainOnly(keys);
				this.caughtUp = true;
				log.info("Read {} camera(s) from {}; following it", keys.size(), this.properties.configTopic());
			}
		}
	}

	@Override
	protected void failed(RuntimeException ex) {
		log.warn("Following {} failed ({}); retrying, working from the last known copy", this.properties.configTopic(),
				ex.toString());
	}

	private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
		List<PartitionInfo> infos = kafka.listTopics(Duration.ofSeconds(10)).get(this.properties.configTopic());
		if (infos == null) {
			return List.of();
		}
		return infos.stream().map((info) -> new TopicPartition(info.topic(), info.partition())).toList();
	}

	@Override
	protected Properties consumerConfig() {
		Properties config = this.kafka.client(new Properties());
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, this.clientId);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		// Only the platform creates the topic, compacted: a default one would
		// lose settings.
		config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		config.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000);
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
		// Settings records are small: the default 50 MB fetch would not fit
		// a 128 MB heap.
		config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 1024 * 1024);
		config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 256 * 1024);
		return config;
	}

}
