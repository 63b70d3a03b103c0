package dev.vigil.ingest.camera;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.vigil.ingest.EdgeProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CameraActivityTests {

	@TempDir
	Path dataDir;

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T09:00:00Z"));

	private final Clock clock = new Clock() {
		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return CameraActivityTests.this.now.get();
		}
	};

	@Test
	void reportsCameraSilentAfterItsThresholdAndRecoversOnNextUpload() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		CameraProperties properties = new CameraProperties(
				List.of(new CameraProperties.Account("gate", "gate", null, "gate-password", null, null,
						Duration.ofMinutes(30)),
						new CameraProperties.Account("yard", "yard", null, "yard-password", null, null, null)),
				ZoneId.of("UTC"), Duration.ofHours(6), 10_000);
		CameraDirectory cameras = new CameraDirectory(new EdgeProperties(this.dataDir, "edge"), properties,
				new LoginGuard(new LoginGuardProperties(5, 10, Duration.ofSeconds(30), Duration.ofMinutes(15),
						Duration.ofHours(1), Duration.ofDays(7), 10_000), this.clock),
				meters);
		CameraActivity activity = new CameraActivity(cameras, meters, this.clock);

		assertThat(activity.isSilent("gate")).as("never uploaded: no baseline, no alarm").isFalse();
		activity.uploaded("gate");
		activity.uploaded("yard");
		this.now.updateAndGet((t) -> t.plus(Duration.ofMinutes(31)));
		activity.check();
		assertThat(activity.isSilent("gate")).isTrue();
		assertThat(activity.isSilent("yard")).as("default threshold is 6 h").isFalse();
		assertThat(meters.get("vigil.ingest.camera.silent").tag("camera", "gate").gauge().value()).isEqualTo(1.0);

		activity.uploaded("gate");
		assertThat(activity.isSilent("gate")).isFalse();
		assertThat(meters.get("vigil.ingest.camera.silent").tag("camera", "gate").gauge().value()).isZero();
	}

}
