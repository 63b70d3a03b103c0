package dev.vigil.ingest.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

import dev.vigil.contracts.CameraConfig;
import dev.vigil.contracts.EventCodec;
import dev.vigil.contracts.RejectedEventException;
import dev.vigil.ingest.camera.CameraAccount;
import dev.vigil.ingest.camera.CameraDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code camera.config} records to this edge's camera accounts. Idempotent: a
 * record at or below the revision held is skipped, so replaying the whole topic on every
 * start changes nothing. A camera of another edge node, a tombstone, or a disabled camera
 * removes the login here; the spooled uploads of a removed camera stay and are still
 * published.
 */
class PlatformCameras {

	private static final Logger log = LoggerFactory.getLogger(PlatformCameras.class);

	private final CameraDirectory directory;

	private final FollowedCameras followed;

	private final String edgeNodeId;

	private final EventCodec codec;

	private final MeterRegistry meters;

	PlatformCameras(CameraDirectory directory, FollowedCameras followed, String edgeNodeId, EventCodec codec,
			MeterRegistry meters) {
		this.directory = directory;
		this.followed = followed;
		this.edgeNodeId = edgeNodeId;
		this.codec = codec;
		this.meters = meters;
		meters.gauge("vigil.ingest.platform.cameras", followed, (cameras) -> cameras.all().size());
	}

	/**
	 * Makes the accounts match the last known copy, for a crash between writing the two
	 * files. Runs at start, before Kafka is asked anything.
	 */
	void restore() {
		for (CameraConfig config : this.followed.all()) {
			boolean present = this.directory.byUser(config.user()).isPresent();
			if (config.enabled() != present) {
				store(config);
			}
		}
	}

	/**
	 * One record of the topic.
	 * @param cameraId the record key
	 * @param value the record value; {@code null} for a tombstone
	 */
	void apply(String cameraId, byte @Nullable [] value) {
		String outcome;
		try {
			outcome = (value == null) ? remove(cameraId, "deleted") : applyConfig(cameraId, read(cameraId, value));
		}
		catch (IllegalArgumentException | IllegalStateException | RejectedEventException ex) {
			log.warn("Refused camera.config record for camera {}: {}", cameraId, ex.getMessage());
			outcome = "rejected";
		}
		this.meters.counter("vigil.ingest.platform.config", "outcome", outcome).increment();
	}

	/**
	 * After the whole topic was read: a camera the platform no longer lists (its
	 * tombstone compacted away while this edge was offline) is removed. An empty topic
	 * proves nothing (a new or wrong broker), so it removes nothing.
	 * @param keys every key read from the topic
	 */
	void retainOnly(Set<String> keys) {
		if (keys.isEmpty()) {
			return;
		}
		for (CameraConfig config : this.followed.all()) {
			if (!keys.contains(config.cameraId())) {
				remove(config.cameraId(), "deleted");
			}
		}
	}

	private CameraConfig read(String cameraId, byte[] value) {
		CameraConfig config = this.codec.read(value, CameraConfig.class);
		if (!config.cameraId().equals(cameraId)) {
			throw new IllegalArgumentException(
					"key '" + cameraId + "' differs from cameraId '" + config.cameraId() + "'");
		}
		return config;
	}

	private String applyConfig(String cameraId, CameraConfig config) {
		if (!config.edgeNodeId().equals(this.edgeNodeId)) {
			return remove(cameraId, "moved");
		}
		CameraConfig held = this.followed.get(cameraId).orElse(null);
		if (held != null && held.revision() >= config.revision()) {
			return "duplicate";
		}
		if (held != null && !held.user().equals(config.user())) {
			delete(held.user());
		}
		store(config);
		log.info("Camera {} (user {}) at revision {}: {}", cameraId, config.user(), config.revision(),
				config.enabled() ? "enabled" : "disabled");
		return "applied";
	}

	private void store(CameraConfig config) {
		try {
			if (config.enabled()) {
				Duration silentAfter = (config.silentAfterMinutes() != null)
						? Duration.ofMinutes(config.silentAfterMinutes()) : null;
				this.directory.put(new CameraAccount(config.user(), config.cameraId(), config.passwordHash(),
						config.allowedSources(), ZoneId.of(config.timeZone()), silentAfter, true));
			}
			else {
				this.directory.delete(config.user());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.followed.put(config);
	}

	private String remove(String cameraId, String outcome) {
		CameraConfig held = this.followed.get(cameraId).orElse(null);
		if (held == null) {
			return "ignored";
		}
		delete(held.user());
		this.followed.remove(cameraId);
		log.info("Camera {} (user {}) removed from this edge: {}", cameraId, held.user(),
				outcome.toLowerCase(Locale.ROOT));
		return outcome;
	}

	private void delete(String user) {
		try {
			this.directory.delete(user);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
