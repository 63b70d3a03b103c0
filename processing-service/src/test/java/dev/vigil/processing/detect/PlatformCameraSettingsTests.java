package dev.vigil.processing.detect;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import dev.vigil.contracts.CameraSamples;
import dev.vigil.contracts.ContractSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's detection settings as processing holds them: newest revision wins,
 * tombstones and malformed records, and the last known copy on disk.
 */
class PlatformCameraSettingsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final byte[] DRIVEWAY = bytes(ContractSamples.sample(CameraSamples.DETECTION_DRIVEWAY));

	@TempDir
	Path dir;

	@Test
	void appliesNewerRevisionsAndSkipsReplays() {
		PlatformCameraSettings settings = new PlatformCameraSettings(JSON, null, null);
		assertThat(settings.apply("driveway", DRIVEWAY)).isEqualTo(PlatformCameraSettings.Outcome.APPLIED);
		assertThat(settings.apply("driveway", DRIVEWAY)).isEqualTo(PlatformCameraSettings.Outcome.STALE);
		byte[] older = bytes(ContractSamples.sample(CameraSamples.DETECTION_DRIVEWAY)
			.replace("1764655140000", "5")
			.replace("\"vehicle\": { \"enabled\": false }", "\"vehicle\": { \"enabled\": true }"));
		assertThat(settings.apply("driveway", older)).isEqualTo(PlatformCameraSettings.Outcome.STALE);
		assertThat(settings.get("driveway").settings().labels().get("vehicle").enabled()).isFalse();
		assertThat(settings.get("driveway").zones()).hasSize(1);
	}

	@Test
	void refusesMalformedRecordsAndRecordsUnderAnotherKeyKeepingWhatItHolds() {
		PlatformCameraSettings settings = new PlatformCameraSettings(JSON, null, null);
		settings.apply("driveway", DRIVEWAY);
		byte[] outside = bytes(ContractSamples.malformed("camera-detection-zone-outside-frame.json"));
		assertThat(settings.apply("driveway", outside)).isEqualTo(PlatformCameraSettings.Outcome.REJECTED);
		assertThat(settings.apply("driveway", bytes("not json"))).isEqualTo(PlatformCameraSettings.Outcome.REJECTED);
		assertThat(settings.apply("porch", DRIVEWAY)).isEqualTo(PlatformCameraSettings.Outcome.REJECTED);
		assertThat(settings.get("porch")).isNull();
		assertThat(settings.get("driveway").settings().revision()).isEqualTo(1764655140000L);
	}

	@Test
	void aTombstoneRemovesTheCamerasSettings() {
		PlatformCameraSettings settings = new PlatformCameraSettings(JSON, null, null);
		settings.apply("driveway", DRIVEWAY);
		assertThat(settings.apply("driveway", null)).isEqualTo(PlatformCameraSettings.Outcome.DELETED);
		assertThat(settings.get("driveway")).isNull();
		assertThat(settings.apply("driveway", null)).isEqualTo(PlatformCameraSettings.Outcome.STALE);
	}

	@Test
	void keepsTheLastKnownCopyOnDiskForTheNextStart() {
		Path file = this.dir.resolve("state/camera-detection.json");
		PlatformCameraSettings first = new PlatformCameraSettings(JSON, file, null);
		first.apply("driveway", DRIVEWAY);
		first.apply("garden", bytes(ContractSamples.sample(CameraSamples.DETECTION_DEFAULTS)));
		first.apply("garden", null);

		PlatformCameraSettings restarted = new PlatformCameraSettings(JSON, file, null);
		restarted.restore();
		assertThat(restarted.cameraIds()).containsExactly("driveway");
		assertThat(restarted.get("driveway").settings()).isEqualTo(first.get("driveway").settings());
		assertThat(restarted.get("driveway").zones()).hasSize(1);

		// A whole read of the topic that no longer names the camera drops it, on disk
		// too.
		restarted.retainOnly(Set.of("porch"));
		PlatformCameraSettings again = new PlatformCameraSettings(JSON, file, null);
		again.restore();
		assertThat(again.cameraIds()).isEmpty();
	}

	@Test
	void startsWithoutSettingsWhenTheCopyIsUnreadableAndKeepsWorkingWhenItCannotBeWritten() throws Exception {
		Path file = this.dir.resolve("camera-detection.json");
		Files.writeString(file, "[{\"cameraId\": \"driveway\", \"revision\": 0}]");
		PlatformCameraSettings settings = new PlatformCameraSettings(JSON, file, null);
		settings.restore();
		assertThat(settings.cameraIds()).isEmpty();

		Path blocked = this.dir.resolve("a-file");
		Files.writeString(blocked, "");
		PlatformCameraSettings unwritable = new PlatformCameraSettings(JSON, blocked.resolve("settings.json"), null);
		assertThat(unwritable.apply("driveway", DRIVEWAY)).isEqualTo(PlatformCameraSettings.Outcome.APPLIED);
		assertThat(unwritable.get("driveway")).isNotNull();
	}

	@Test
	void theFollowerRestoresTheLastKnownCopyAndDoesNotWaitForAnUnreachableKafka() throws Exception {
		Path file = this.dir.resolve("camera-detection.json");
		new PlatformCameraSettings(JSON, file, null).apply("driveway", DRIVEWAY);
		PlatformCameraSettings settings = new PlatformCameraSettings(JSON, file, null);
		// Port 1 on loopback: nothing listens, every connection is refused.
		CameraDetectionFollower follower = new CameraDetectionFollower(
				Map.of("bootstrap.servers", "127.0.0.1:1", "reconnect.backoff.max.ms", "200"), "camera.detection",
				Duration.ofMillis(200), settings);
		follower.start();
		try {
			assertThat(settings.get("driveway")).isNotNull();
			assertThat(follower.isCaughtUp()).isFalse();
		}
		finally {
			follower.stop();
		}
		assertThat(follower.isRunning()).isFalse();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
