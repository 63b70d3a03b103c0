package dev.vigil.notify.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.vigil.contracts.CameraConfig;
import dev.vigil.contracts.EventCodec;
import dev.vigil.contracts.MediaUploaded;
import dev.vigil.contracts.RejectedEventException;
import dev.vigil.notify.delivery.SystemConditions;

/**
 * Silent cameras. Uploads ({@code media.uploaded}) move a camera's last-seen time and end
 * its silence at once; {@code camera.config} gives its own threshold, disables or deletes
 * it; every check interval a camera not heard for longer than its threshold turns silent.
 */
@Component
class CameraSilence {

	private static final Logger log = LoggerFactory.getLogger(CameraSilence.class);

	private final MongoTemplate mongo;

	private final Conditions conditions;

	private final Thresholds thresholds;

	private final EventCodec codec;

	private final Clock clock = Clock.systemUTC();

	CameraSilence(MongoTemplate mongo, Conditions conditions, Thresholds thresholds, EventCodec codec) {
		this.mongo = mongo;
		this.conditions = conditions;
		this.thresholds = thresholds;
		this.codec = codec;
	}

	/** One poll of uploads: the newest arrival per camera. */
	void uploads(Iterable<ConsumerRecord<String, byte[]>> records) {
		Map<String, Instant> newest = new HashMap<>();
		for (ConsumerRecord<String, byte[]> record : records) {
			try {
				MediaUploaded upload = this.codec.read(record.value(), MediaUploaded.class);
				newest.merge(upload.cameraId(), upload.receivedAt(), (a, b) -> a.isAfter(b) ? a : b);
			}
			catch (RejectedEventException | IllegalArgumentException | NullPointerException ex) {
				log.debug("Ignoring an unreadable upload record at offset {}: {}", record.offset(), ex.getMessage());
			}
		}
		Instant now = this.clock.instant();
		newest.forEach((camera, at) -> {
			this.mongo.upsert(Query.query(Criteria.where("_id").is(camera)),
					new Update().max("lastSeen", at).setOnInsert("knownSince", now).setOnInsert("enabled", true),
					WatchedCamera.class);
			check(this.mongo.findById(camera, WatchedCamera.class), now);
		});
	}

	/** One poll of camera settings; a tombstone deletes the camera. */
	void settings(Iterable<ConsumerRecord<String, byte[]>> records) {
		Instant now = this.clock.instant();
		for (ConsumerRecord<String, byte[]> record : records) {
			if (record.key() == null) {
				continue;
			}
			if (record.value() == null) {
				this.mongo.remove(Query.query(Criteria.where("_id").is(record.key())), WatchedCamera.class);
				this.conditions.forget(SystemConditions.CAMERA_SILENT, record.key());
				continue;
			}
			try {
				CameraConfig config = this.codec.read(record.value(), CameraConfig.class);
				Update update = new Update().set("enabled", config.enabled()).setOnInsert("knownSince", now);
				if (config.silentAfterMinutes() != null) {
					update.set("silentAfterMinutes", config.silentAfterMinutes());
				}
				else {
					update.unset("silentAfterMinutes");
				}
				this.mongo.upsert(Query.query(Criteria.where("_id").is(config.cameraId())), update,
						WatchedCamera.class);
			}
			catch (RejectedEventException | IllegalArgumentException | NullPointerException ex) {
				log.debug("Ignoring an unreadable camera.config record for {}: {}", record.key(), ex.getMessage());
			}
		}
	}

	/** Every camera against its threshold. */
	void checkAll() {
		Instant now = this.clock.instant();
		for (WatchedCamera camera : this.mongo.findAll(WatchedCamera.class)) {
			check(camera, now);
		}
	}

	private void check(WatchedCamera camera, Instant now) {
		if (camera == null || !camera.enabled()) {
			return;
		}
		Duration threshold = camera.threshold(this.thresholds.current().cameraSilentAfter());
		Duration quiet = Duration.between(camera.heardAt(), now);
		boolean silent = quiet.compareTo(threshold) > 0;
		String detail = (camera.lastSeen() != null)
				? "last upload " + camera.lastSeen() + " (" + human(quiet) + " ago), threshold " + human(threshold)
				: "no upload since " + camera.knownSince() + ", threshold " + human(threshold);
		this.conditions.report(SystemConditions.CAMERA_SILENT, camera.id(), silent,
				"Camera " + camera.id() + (silent ? " is silent" : " is sending again"), detail);
	}

	static String human(Duration duration) {
		long minutes = Math.max(0, duration.toMinutes());
		if (minutes < 1) {
			return Math.max(0, duration.toSeconds()) + " s";
		}
		return (minutes < 120) ? minutes + " min" : (minutes / 60) + " h " + (minutes % 60) + " min";
	}

}
