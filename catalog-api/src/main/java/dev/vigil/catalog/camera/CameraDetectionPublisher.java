package dev.vigil.catalog.camera;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.vigil.contracts.CameraDetection;
import dev.vigil.contracts.EventCodec;

/**
 * Writes every camera's detection settings (managed or registered by uploading) to the
 * compacted {@code camera.detection} topic, which processing-service follows; a deleted
 * camera gets a tombstone. Like {@link CameraConfigPublisher}, through an outbox
 * ({@link PendingDetection}), so a change made while Kafka is down arrives when it is
 * back. The record carries no credentials: processing never sees a password hash.
 */
@Component
public class CameraDetectionPublisher {

	private static final String REVISION = "detectionRevision";

	private final MongoTemplate mongo;

	private final CameraProperties properties;

	private final CompactedTopics topics;

	private final EventCodec codec;

	CameraDetectionPublisher(MongoTemplate mongo, CameraProperties properties, CompactedTopics topics,
			EventCodec codec) {
		this.mongo = mongo;
		this.codec = codec;
		this.properties = properties;
		this.topics = topics;
	}

	/**
	 * After a change of a camera's detection settings: a new revision (the first one is
	 * the clock, so a camera deleted and added again outranks what processing still
	 * holds), then publication.
	 * @param cameraId the camera
	 */
	public void changed(String cameraId) {
		Query id = Query.query(Criteria.where("_id").is(cameraId));
		FindAndModifyOptions returnNew = FindAndModifyOptions.options().returnNew(true);
		CameraDocument bumped = this.mongo.findAndModify(
				Query.query(Criteria.where("_id").is(cameraId).and(REVISION).exists(true)),
				new Update().inc(REVISION, 1), returnNew, CameraDocument.class);
		if (bumped == null) {
			bumped = this.mongo.findAndModify(
					Query.query(Criteria.where("_id").is(cameraId).and(REVISION).exists(false)),
					new Update().set(REVISION, Instant.now().toEpochMilli()), returnNew, CameraDocument.class);
		}
		if (bumped == null) {
			bumped = this.mongo.findAndModify(id, new Update().inc(REVISION, 1), returnNew, CameraDocument.class);
		}
		if (bumped != null && bumped.detectionRevision() != null) {
			pending(cameraId, bumped.detectionRevision());
		}
	}

	/**
	 * After a camera was deleted: a tombstone, when its settings were ever published.
	 * @param camera the camera as it was
	 */
	public void deleted(CameraDocument camera) {
		if (camera.detectionRevision() != null) {
			pending(camera.id(), camera.detectionRevision() + 1);
		}
	}

	/**
	 * Cameras whose detection settings were stored before this topic existed get them
	 * published once.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void publishEarlierSettings() {
		Query earlier = Query.query(Criteria.where("detection").exists(true).and(REVISION).exists(false));
		for (CameraDocument camera : this.mongo.find(earlier, CameraDocument.class)) {
			changed(camera.id());
		}
	}

	/** Retries what is still pending (Kafka was down, or the process stopped). */
	@Scheduled(initialDelayString = "${vigil.catalog.cameras.config-retry:15s}",
			fixedDelayString = "${vigil.catalog.cameras.config-retry:15s}")
	void publishPending() {
		for (PendingDetection pending : this.mongo.findAll(PendingDetection.class)) {
			if (!publish(pending.id())) {
				return;
			}
		}
	}

	private void pending(String cameraId, long revision) {
		this.mongo.save(new PendingDetection(cameraId, revision));
		publish(cameraId);
	}

	private boolean publish(String cameraId) {
		PendingDetection pending = this.mongo.findById(cameraId, PendingDetection.class);
		if (pending == null) {
			return true;
		}
		CameraDocument camera = this.mongo.findById(cameraId, CameraDocument.class);
		byte[] value = (camera != null && camera.detectionRevision() != null) ? this.codec.write(settings(camera))
				: null;
		if (!this.topics.publish(this.properties.detectionTopic(), cameraId, value, "vigil.catalog.camera.detection")) {
			return false;
		}
		this.mongo.remove(Query.query(Criteria.where("_id").is(cameraId).and("revision").is(pending.revision())),
				PendingDetection.class);
		return true;
	}

	/**
	 * The record of one camera: {@code labels.person} when set, else the person fields.
	 */
	static CameraDetection settings(CameraDocument camera) {
		CameraDocument.Detection detection = camera.detection();
		Map<String, CameraDetection.Label> labels = new LinkedHashMap<>();
		List<CameraDetection.Zone> zones = List.of();
		@Nullable Integer minBoxHeight = null;
		if (detection != null) {
			if (detection.personDetection() != null || detection.minPersonConfidence() != null) {
				labels.put("person", new CameraDetection.Label(!Boolean.FALSE.equals(detection.personDetection()),
						detection.minPersonConfidence()));
			}
			if (detection.labels() != null) {
				detection.labels()
					.forEach(
							(label, s) -> labels.put(label, new CameraDetection.Label(s.enabled(), s.minConfidence())));
			}
			if (detection.zones() != null) {
				zones = detection.zones()
					.stream()
					.map((z) -> new CameraDetection.Zone(
							z.points().stream().map((p) -> new CameraDetection.Point(p.x(), p.y())).toList()))
					.toList();
			}
			minBoxHeight = (detection.minBoxHeight() != null && detection.minBoxHeight() > 0) ? detection.minBoxHeight()
					: null;
		}
		return new CameraDetection(camera.id(), minBoxHeight, labels, zones, camera.detectionRevision(), Instant.now(),
				CameraDetection.CURRENT_SCHEMA_VERSION);
	}

}
