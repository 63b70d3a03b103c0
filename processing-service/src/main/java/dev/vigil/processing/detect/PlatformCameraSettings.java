package dev.vigil.processing.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.vigil.contracts.CameraDetection;
import dev.vigil.contracts.EventCodec;
import dev.vigil.contracts.RejectedEventException;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's detection settings per camera, as read from {@code camera.detection}:
 * the highest revision of each camera wins, a tombstone removes the camera (its
 * properties apply again), a malformed record changes nothing. Every change is written to
 * a file, the last known copy, which is read back at start so that a restart without
 * Kafka keeps every camera's settings.
 */
class PlatformCameraSettings {

	private static final Logger logger = LoggerFactory.getLogger(PlatformCameraSettings.class);

	private final Map<String, Camera> cameras = new ConcurrentHashMap<>();

	private final EventCodec codec;

	private final JsonMapper json;

	private final @Nullable Path file;

	private final @Nullable MeterRegistry meters;

	private volatile boolean unwritable;

	/**
	 * @param json the service's mapper
	 * @param file where the last known copy lives; null keeps it in memory only
	 * @param meters where outcomes are counted; null counts nothing
	 */
	public PlatformCameraSettings(JsonMapper json, @Nullable Path file, @Nullable MeterRegistry meters) {
		this.codec = new EventCodec(json);
		this.json = json;
		this.file = file;
		this.meters = meters;
	}

	/**
	 * One camera's settings, with its zones parsed.
	 *
	 * @param settings the record as the platform sent it
	 * @param zones its zones
	 */
	record Camera(CameraDetection settings, List<Zone> zones) {

		static Camera of(CameraDetection settings) {
			return new Camera(settings, settings.zones().stream().map(Zone::of).toList());
		}

	}

	/**
	 * @param cameraId a camera
	 * @return the platform's settings of the camera, or null when it has none
	 */
	public @Nullable Camera get(String cameraId) {
		return this.cameras.get(cameraId);
	}

	/** The cameras with settings from the platform. */
	public Set<String> cameraIds() {
		return Set.copyOf(this.cameras.keySet());
	}

	/**
	 * Applies one record of the topic.
	 * @param key the record's key, the camera id
	 * @param value the record's value; null for a tombstone
	 * @return what happened
	 */
	public Outcome apply(String key, byte @Nullable [] value) {
		Outcome outcome = applyRecord(key, value);
		if (this.meters != null) {
			this.meters.counter("vigil.processing.camera.settings", "outcome", outcome.name().toLowerCase())
				.increment();
		}
		return outcome;
	}

	private Outcome applyRecord(String key, byte @Nullable [] value) {
		if (value == null) {
			if (this.cameras.remove(key) == null) {
				return Outcome.STALE;
			}
			logger.info("Camera {}: detection settings deleted on the platform; its properties apply again", key);
			save();
			return Outcome.DELETED;
		}
		CameraDetection settings;
		try {
			settings = this.codec.read(value, CameraDetection.class);
		}
		catch (RejectedEventException ex) {
			logger.warn("Camera {}: detection settings refused, the ones held stay: {}", key, ex.getMessage());
			return Outcome.REJECTED;
		}
		if (!settings.cameraId().equals(key)) {
			logger.warn("Detection settings of camera {} under key {} refused", settings.cameraId(), key);
			return Outcome.REJECTED;
		}
		Camera held = this.cameras.get(key);
		if (held != null && held.settings().revision() >= settings.revision()) {
			return Outcome.STALE;
		}
		this.cameras.put(key, Camera.of(settings));
		logger.info("Camera {}: detection settings revision {} from the platform", key, settings.revision());
		save();
		return Outcome.APPLIED;
	}

	/**
	 * After a whole read of the topic: drops cameras it no longer names (their tombstone
	 * was compacted away while this service was off).
	 * @param keys every key the topic holds
	 */
	public void retainOnly(Set<String> keys) {
		if (this.cameras.keySet().retainAll(keys)) {
			save();
		}
	}

	/** Reads the last known copy; a missing or unreadable file leaves no settings. */
	public void restore() {
		if (this.file == null || !Files.isRegularFile(this.file)) {
			return;
		}
		try {
			List<CameraDetection> saved = this.json.readValue(this.file.toFile(), new TypeReference<>() {
			});
			saved.forEach((settings) -> this.cameras.put(settings.cameraId(), Camera.of(settings)));
			logger.info("Detection settings of {} camera(s) restored from {}", saved.size(), this.file);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			logger.warn("Last known detection settings in {} unreadable, starting without: {}", this.file,
					ex.getMessage());
		}
	}

	private synchronized void save() {
		if (this.file == null) {
			return;
		}
		List<CameraDetection> all = new ArrayList<>(this.cameras.values().stream().map(Camera::settings).toList());
		try {
			Files.createDirectories(this.file.toAbsolutePath().getParent());
			Path temporary = this.file.resolveSibling(this.file.getFileName() + ".tmp");
			Files.write(temporary, this.json.writeValueAsBytes(all));
			Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			this.unwritable = false;
		}
		catch (IOException | JacksonException ex) {
			if (!this.unwritable) {
				logger.warn("Cannot keep the last known detection settings in {} (they stay in memory): {}", this.file,
						ex.toString());
			}
			this.unwritable = true;
		}
	}

	/** What one record did. */
	public enum Outcome {

		/** Newer settings, now in force. */
		APPLIED,
		/** A tombstone removed the camera's settings. */
		DELETED,
		/** Not newer than what is held (a replay). */
		STALE,
		/** Malformed: nothing changed. */
		REJECTED

	}

}
