package dev.vigil.ingest.publish;

import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.vigil.contracts.EventCodec;
import dev.vigil.contracts.MediaUploaded;
import dev.vigil.ingest.PlatformKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code MediaUploaded} with a plain idempotent producer (acks=all): the edge needs
 * one synchronous send per item and nothing of a framework, and it keeps the heap small.
 * Key = camera id, so one camera's events stay ordered in one partition.
 */
class EventPublisher implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

	private final KafkaProducer<String, byte[]> producer;

	private final PublishProperties properties;

	private final PlatformKafka kafka;

	private final EventCodec codec;

	private volatile boolean topicChecked;

	EventPublisher(PlatformKafka kafka, String clientId, PublishProperties properties, EventCodec codec) {
		this.kafka = kafka;
		this.properties = properties;
		this.codec = codec;
		int timeout = (int) properties.timeout().toMillis();
		Properties config = kafka.client(new Properties());
		config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeout, 10_000));
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeout, Math.min(timeout, 10_000) + 5));
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		// Small buffer: events are a few hundred bytes and the heap is 128 MB.
		config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 4L * 1024 * 1024);
		config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000);
		this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
	}

	String topic() {
		return this.properties.topic();
	}

	void send(MediaUploaded event) throws Exception {
		ensureTopic();
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(this.properties.topic(), event.cameraId(),
				this.codec.write(event));
		try {
			this.producer.send(record).get(this.properties.timeout().toMillis() * 2, TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
	}

	private void ensureTopic() {
		if (this.topicChecked || !this.properties.createTopic()) {
			return;
		}
		Properties config = this.kafka.client(new Properties());
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) this.properties.timeout().toMillis());
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
				(int) Math.min(this.properties.timeout().toMillis(), 10_000));
		try (Admin admin = Admin.create(config)) {
			admin
				.createTopics(Set.of(new NewTopic(this.properties.topic(),
						Optional.of(this.properties.topicPartitions()), Optional.empty())))
				.all()
				.get(this.properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
			log.info("Created topic {}", this.properties.topic());
			this.topicChecked = true;
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof TopicExistsException) {
				this.topicChecked = true;
			}
			else {
				// The send below reports the outage; topic creation is retried next time.
				log.debug("Could not create topic {}", this.properties.topic(), ex);
			}
		}
		catch (Exception ex) {
			log.debug("Could not create topic {}", this.properties.topic(), ex);
		}
	}

	@Override
	public void close() {
		this.producer.close(java.time.Duration.ofSeconds(5));
	}

}
