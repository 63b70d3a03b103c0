package dev.vigil.ingest.camera;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * The "silent camera" signal: a camera that has uploaded before and then stays quiet
 * longer than its threshold is reported (gauge {@code vigil.ingest.camera.silent} = 1,
 * one warning in the log, and in the admin API). A camera cut off by a thief or a dead
 * power supply looks exactly like a quiet street otherwise.
 */
public class CameraActivity {

	private static final Logger log = LoggerFactory.getLogger(CameraActivity.class);

	private final CameraDirectory cameras;

	private final MeterRegistry meters;

	private final Clock clock;

	private final Map<String, Instant> lastUpload = new ConcurrentHashMap<>();

	private final Map<String, Boolean> silent = new ConcurrentHashMap<>();

	public CameraActivity(CameraDirectory cameras, MeterRegistry meters, Clock clock) {
		this.cameras = cameras;
		this.meters = meters;
		this.clock = clock;
	}

	/** A camera's upload was taken. */
	public void uploaded(String cameraId) {
		Instant now = this.clock.instant();
		if (this.lastUpload.put(cameraId, now) == null) {
			Gauge.builder("vigil.ingest.camera.silent", this, (activity) -> activity.isSilent(cameraId) ? 1 : 0)
				.tag("camera", cameraId)
				.description("1 when a camera that uploads has been quiet longer than its threshold")
				.register(this.meters);
			Gauge
				.builder("vigil.ingest.camera.last.upload.age", this,
						(activity) -> activity.sinceLastUpload(cameraId).toMillis() / 1000.0)
				.tag("camera", cameraId)
				.baseUnit("seconds")
				.register(this.meters);
		}
		if (Boolean.TRUE.equals(this.silent.put(cameraId, false))) {
			log.info("Camera {} uploads again", cameraId);
		}
	}

	public boolean isSilent(String cameraId) {
		Instant last = this.lastUpload.get(cameraId);
		if (last == null) {
			return false;
		}
		Duration threshold = this.cameras.all()
			.stream()
			.filter((account) -> account.cameraId().equals(cameraId))
			.findFirst()
			.map(this.cameras::silentAfter)
			.orElse(Duration.ofDays(3650));
		return Duration.between(last, this.clock.instant()).compareTo(threshold) > 0;
	}

	public Duration sinceLastUpload(String cameraId) {
		Instant last = this.lastUpload.get(cameraId);
		return (last != null) ? Duration.between(last, this.clock.instant()) : Duration.ZERO;
	}

	public Map<String, Instant> lastUploads() {
		return Map.copyOf(this.lastUpload);
	}

	@Scheduled(fixedDelayString = "${vigil.ingest.cameras.silence-check:60s}")
	void check() {
		for (String cameraId : this.lastUpload.keySet()) {
			if (isSilent(cameraId) && !Boolean.TRUE.equals(this.silent.put(cameraId, true))) {
				log.warn("Camera {} is silent: no upload for {}", cameraId, sinceLastUpload(cameraId));
			}
		}
	}

}
