package dev.vigil.catalog.camera;

import java.time.Instant;
import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.vigil.contracts.CameraConfig;
import dev.vigil.contracts.EventCodec;

/**
 * Writes managed cameras to the compacted {@code camera.config} topic (key = camera id,
 * the whole settings as one record, a tombstone for a deleted camera), which every edge
 * follows. Changes go through the {@link PendingConfig} outbox, so one made while Kafka
 * is down is published when it is back. The platform creates the topic, compacted, so the
 * latest record of every camera is kept for edges that start later.
 */
@Component
class CameraConfigPublisher {

	private final MongoTemplate mongo;

	private final CameraProperties properties;

	private final EventCodec codec;

	private final CompactedTopics topics;

	CameraConfigPublisher(MongoTemplate mongo, CameraProperties properties, CompactedTopics topics, EventCodec codec) {
		this.mongo = mongo;
		this.codec = codec;
		this.properties = properties;
		this.topics = topics;
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
				? this.codec.write(config(camera, credentials)) : null;
		if (!this.topics.publish(this.properties.configTopic(), cameraId, value, "vigil.catalog.camera.config")) {
			return false;
		}
		this.mongo.remove(Query.query(Criteria.where("_id").is(cameraId).and("revision").is(pending.revision())),
				PendingConfig.class);
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

}
