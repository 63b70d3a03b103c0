package dev.vigil.catalog.camera;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Writes the platform's compacted camera topics ({@code camera.config},
 * {@code camera.detection}): creates each one compacted the first time, then sends one
 * record synchronously (acks=all, idempotent producer), so a caller knows whether Kafka
 * has it.
 */
@Component
class CompactedTopics implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(CompactedTopics.class);

	private final Map<String, Object> connection;

	private final KafkaProducer<String, byte[]> producer;

	private final Set<String> checked = ConcurrentHashMap.newKeySet();

	private final MeterRegistry meters;

	CompactedTopics(KafkaProperties kafka, MeterRegistry meters) {
		this.meters = meters;
		// Bootstrap servers, security protocol and spring.kafka.properties.* (SASL): what
		// the binder's clients use too.
		this.connection = kafka.buildAdminProperties();
		Properties config = new Properties();
		config.putAll(this.connection);
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "vigil-catalog-camera-config");
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
		this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
	}

	/**
	 * Sends one record and waits for the broker's acknowledgement; counts the outcome in
	 * {@code meter{outcome=published|tombstone|retry}}.
	 * @param topic the topic, created compacted when missing
	 * @param key the camera id
	 * @param value the record; null for a tombstone
	 * @param meter the counter's name
	 * @return whether Kafka acknowledged (else the caller retries later)
	 */
	boolean publish(String topic, String key, byte @Nullable [] value, String meter) {
		try {
			ensure(topic);
			this.producer.send(new ProducerRecord<>(topic, key, value)).get(15, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			log.warn("Camera {}: record on {} not published yet (retried): {}", key, topic, ex.toString());
			this.meters.counter(meter, "outcome", "retry").increment();
			return false;
		}
		this.meters.counter(meter, "outcome", (value != null) ? "published" : "tombstone").increment();
		return true;
	}

	private void ensure(String topic) throws Exception {
		if (this.checked.contains(topic)) {
			return;
		}
		Properties config = new Properties();
		config.putAll(this.connection);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
		try (Admin admin = Admin.create(config)) {
			admin
				.createTopics(Set.of(new NewTopic(topic, Optional.empty(), Optional.empty())
					.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
				.all()
				.get(10, TimeUnit.SECONDS);
			log.info("Created compacted topic {}", topic);
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw ex;
			}
		}
		this.checked.add(topic);
	}

	@Override
	public void destroy() {
		this.producer.close(java.time.Duration.ofSeconds(5));
	}

}
