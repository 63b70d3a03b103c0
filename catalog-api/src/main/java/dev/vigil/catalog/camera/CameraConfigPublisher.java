package dev.vigil.catalog.camera;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.vigil.contracts.CameraConfig;

/**
 * Writes managed cameras to the compacted {@code camera.config} topic (key = camera id,
 * the whole settings as one record, a tombstone for a deleted camera), which every edge
 * follows. Changes go through the {@link PendingConfig} outbox, so one made while Kafka
 * is down is published when it is back. The platform creates the topic, compacted, so the
 * latest record of every camera is kept for edges that start later.
 */
@Component
class CameraConfigPublisher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(CameraConfigPublisher.class);

	private final MongoTemplate mongo;

	private final CameraProperties properties;

	private final Map<String, Object> connection;

	private final MeterRegistry meters;

	private final JsonMapper json = JsonMapper.builder().build();

	private final KafkaProducer<String, byte[]> producer;

	private volatile boolean topicChecked;

	CameraConfigPublisher(MongoTemplate mongo, CameraProperties properties, KafkaProperties kafka,
			MeterRegistry meters) {
		this.mongo = mongo;
		this.properties = properties;
		// Bootstrap servers, security protocol and spring.kafka.properties.* (SASL): what
		// the
		// binder's clients use too.
		this.connection = kafka.buildAdminProperties();
		this.meters = meters;
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

	/** Records that a camera changed and tries to publish it right away. */
	void changed(String cameraId, long revision) {
		this.mongo.save(new PendingConfig(cameraId, revision));
		publish(cameraId);
	}

	/** Retries what is still pending (Kafka was down, or the process stopped). */
	@Scheduled(initialDelayString = "${vigil.catalog.cameras.config-retry:15s}",
			fixedDelayString = "${vigil.catalog.cameras.config-retry:15s}")
	void publishPending() {
		for (PendingConfig pending : this.mongo.findAll(PendingConfig.class)) {
			if (!publish(pending.id())) {
				return;
			}
		}
	}

	/**
	 * Publishes the current settings of one camera.
	 * @return whether Kafka acknowledged
	 */
	boolean publish(String cameraId) {
		PendingConfig pending = this.mongo.findById(cameraId, PendingConfig.class);
		if (pending == null) {
			return true;
		}
		CameraDocument camera = this.mongo.findById(cameraId, CameraDocument.class);
		CameraCredentials credentials = this.mongo.findById(cameraId, CameraCredentials.class);
		byte[] value = (camera != null && camera.managed() && credentials != null)
				? this.json.writeValueAsBytes(config(camera, credentials)) : null;
		try {
			ensureTopic();
			this.producer.send(new ProducerRecord<>(this.properties.configTopic(), cameraId, value))
				.get(15, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			log.warn("Camera {} settings not published yet (retried every {}): {}", cameraId,
					this.properties.configRetry(), ex.toString());
			this.meters.counter("vigil.catalog.camera.config", "outcome", "retry").increment();
			return false;
		}
		this.mongo.remove(Query.query(Criteria.where("_id").is(cameraId).and("revision").is(pending.revision())),
				PendingConfig.class);
		this.meters.counter("vigil.catalog.camera.config", "outcome", (value != null) ? "published" : "tombstone")
			.increment();
		return true;
	}

	/** Settings are never partial on the wire: absent optional values mean "default". */
	static CameraConfig config(CameraDocument camera, CameraCredentials credentials) {
		CameraDocument.Retention retention = camera.retention();
		CameraDocument.Detection detection = camera.detection();
		return new CameraConfig(camera.id(), camera.name(), camera.edgeNodeId(), credentials.user(),
				credentials.passwordHash(), (camera.allowedSources() != null) ? camera.allowedSources() : List.of(),
				(camera.timeZone() != null) ? camera.timeZone() : "UTC", camera.isEnabled(),
				camera.silentAfterMinutes(),
				(retention != null) ? new CameraConfig.Retention(retention.imageMaxAgeDays(),
						retention.videoMaxAgeDays(), retention.imageMaxBytes(), retention.videoMaxBytes()) : null,
				(detection != null)
						? new CameraConfig.Detection(detection.personDetection(), detection.minPersonConfidence())
						: null,
				camera.configRevision(), Instant.now(), CameraConfig.CURRENT_SCHEMA_VERSION);
	}

	private void ensureTopic() throws Exception {
		if (this.topicChecked) {
			return;
		}
		Properties config = new Properties();
		config.putAll(this.connection);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
		try (Admin admin = Admin.create(config)) {
			admin
				.createTopics(Set.of(new NewTopic(this.properties.configTopic(), Optional.empty(), Optional.empty())
					.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
				.all()
				.get(10, TimeUnit.SECONDS);
			log.info("Created compacted topic {}", this.properties.configTopic());
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw ex;
			}
		}
		this.topicChecked = true;
	}

	@Override
	public void destroy() {
		this.producer.close(java.time.Duration.ofSeconds(5));
	}

}
