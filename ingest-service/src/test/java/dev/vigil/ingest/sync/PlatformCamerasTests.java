package dev.vigil.ingest.sync;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import dev.vigil.contracts.CameraConfig;
import dev.vigil.contracts.EventCodec;
import dev.vigil.contracts.CameraPasswordHash;
import dev.vigil.ingest.EdgeProperties;
import dev.vigil.ingest.camera.CameraDirectory;
import dev.vigil.ingest.camera.CameraProperties;
import dev.vigil.ingest.camera.LoginGuard;
import dev.vigil.ingest.camera.LoginGuardProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformCamerasTests {

	private static final String EDGE = "edge-garage";

	private static final String PASSWORD = "platform-made-password";

	private static final String HASH = CameraPasswordHash.hash(PASSWORD, 10_000);

	private final JsonMapper json = JsonMapper.builder().build();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@TempDir
	Path dataDir;

	private CameraDirectory directory;

	private PlatformCameras cameras;

	@BeforeEach
	void start() {
		this.directory = directory();
		this.cameras = platformCameras(this.directory);
	}

	@Test
	void aRecordForThisEdgeBecomesAnAccountWithItsZone() throws Exception {
		this.cameras.apply("porch", bytes(config("porch", EDGE, 1, true)));
		assertThat(login("porch", PASSWORD)).isTrue();
		assertThat(this.directory.zone(this.directory.byUser("porch").orElseThrow()))
			.isEqualTo(ZoneId.of("Europe/Berlin"));
		assertThat(this.directory.byUser("porch").orElseThrow().silentAfter()).isEqualTo(Duration.ofMinutes(90));
	}

	@Test
	void theReplayIsIdempotentAndAnOlderRevisionNeverWins() throws Exception {
		String newer = "newer-password-123";
		this.cameras.apply("porch", bytes(config("porch", EDGE, 2, true)));
		CameraConfig second = withHash(config("porch", EDGE, 3, true), CameraPasswordHash.hash(newer, 10_000));
		this.cameras.apply("porch", bytes(second));
		this.cameras.apply("porch", bytes(config("porch", EDGE, 2, true)));
		assertThat(login("porch", newer)).isTrue();
		assertThat(login("porch", PASSWORD)).isFalse();
		assertThat(this.meters.counter("vigil.ingest.platform.config", "outcome", "duplicate").count()).isEqualTo(1);
	}

	@Test
	void disabledMovedAndDeletedCamerasLoseTheirLogin() throws Exception {
		this.cameras.apply("porch", bytes(config("porch", EDGE, 1, true)));
		this.cameras.apply("porch", bytes(config("porch", EDGE, 2, false)));
		assertThat(login("porch", PASSWORD)).isFalse();
		this.cameras.apply("porch", bytes(config("porch", EDGE, 3, true)));
		assertThat(login("porch", PASSWORD)).isTrue();

		this.cameras.apply("porch", bytes(config("porch", "edge-attic", 4, true)));
		assertThat(login("porch", PASSWORD)).as("moved to another edge").isFalse();

		this.cameras.apply("garden", bytes(config("garden", EDGE, 1, true)));
		this.cameras.apply("garden", null);
		assertThat(login("garden", PASSWORD)).as("tombstone").isFalse();
	}

	@Test
	void refusesBrokenRecordsAndKeyMismatchesWithoutTouchingAccounts() throws Exception {
		this.cameras.apply("porch", bytes(config("porch", EDGE, 1, true)));
		this.cameras.apply("porch", "{not json".getBytes(StandardCharsets.UTF_8));
		this.cameras.apply("porch",
				new String(bytes(config("porch", EDGE, 5, true)), StandardCharsets.UTF_8).replace(HASH, PASSWORD)
					.getBytes(StandardCharsets.UTF_8));
		this.cameras.apply("other", bytes(config("porch", EDGE, 6, false)));
		this.cameras.apply("porch",
				new String(bytes(config("porch", EDGE, 7, false)), StandardCharsets.UTF_8)
					.replace("\"schemaVersion\":1", "\"schemaVersion\":2")
					.getBytes(StandardCharsets.UTF_8));
		assertThat(login("porch", PASSWORD)).isTrue();
		assertThat(this.meters.counter("vigil.ingest.platform.config", "outcome", "rejected").count()).isEqualTo(4);
	}

	@Test
	void aRestartKeepsTheLastKnownCopyAndACompactedAwayCameraGoesAfterTheFullRead() throws Exception {
		this.cameras.apply("porch", bytes(config("porch", EDGE, 1, true)));
		this.cameras.apply("garden", bytes(config("garden", EDGE, 1, true)));

		CameraDirectory restarted = directory();
		PlatformCameras again = platformCameras(restarted);
		again.restore();
		assertThat(restarted.authenticate("porch", PASSWORD, InetAddress.getLoopbackAddress()).outcome())
			.isEqualTo(CameraDirectory.Login.Outcome.OK);

		again.retainOnly(Set.of());
		assertThat(restarted.byUser("garden")).as("an empty topic proves nothing").isPresent();
		again.retainOnly(Set.of("porch"));
		assertThat(restarted.byUser("garden")).isEmpty();
		assertThat(restarted.byUser("porch")).isPresent();
	}

	private boolean login(String user, String password) {
		return this.directory.authenticate(user, password, InetAddress.getLoopbackAddress())
			.outcome() == CameraDirectory.Login.Outcome.OK;
	}

	private CameraDirectory directory() {
		EdgeProperties edge = new EdgeProperties(this.dataDir, EDGE);
		CameraProperties properties = new CameraProperties(List.of(), ZoneId.of("UTC"), Duration.ofHours(6), 10_000);
		LoginGuard guard = new LoginGuard(new LoginGuardProperties(1000, 1000, Duration.ofSeconds(1),
				Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofDays(7), 10_000), Clock.systemUTC());
		return new CameraDirectory(edge, properties, guard, this.meters);
	}

	private PlatformCameras platformCameras(CameraDirectory directory) {
		return new PlatformCameras(directory,
				new FollowedCameras(this.dataDir.resolve("camera-config.json"), this.json), EDGE,
				new EventCodec(this.json), this.meters);
	}

	private byte[] bytes(CameraConfig config) {
		return this.json.writeValueAsBytes(config);
	}

	private static CameraConfig config(String camera, String edge, long revision, boolean enabled) {
		return new CameraConfig(camera, camera, edge, camera, HASH, List.of("127.0.0.0/8"), "Europe/Berlin", enabled,
				90, null, null, revision, Instant.parse("2026-12-02T06:19:00Z"), 1);
	}

	private static CameraConfig withHash(CameraConfig config, String hash) {
		return new CameraConfig(config.cameraId(), config.name(), config.edgeNodeId(), config.user(), hash,
				config.allowedSources(), config.timeZone(), config.enabled(), config.silentAfterMinutes(), null, null,
				config.revision(), config.updatedAt(), 1);
	}

}
