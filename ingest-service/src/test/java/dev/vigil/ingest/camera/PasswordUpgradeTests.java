package dev.vigil.ingest.camera;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.vigil.ingest.EdgeProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordUpgradeTests {

	@TempDir
	Path dataDir;

	private final InetAddress source = InetAddress.getLoopbackAddress();

	@Test
	void newHashesUseOwaspIterationsByDefault() {
		CameraProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
			.bindOrCreate("vigil.ingest.cameras", CameraProperties.class);
		assertThat(defaults.passwordIterations()).isEqualTo(600_000);
	}

	@Test
	void rehashesAStoredAccountWithFewerIterationsAtItsNextLogin() throws Exception {
		String weak = new PasswordHasher(10_000).hash("porch-password-1");
		Files.writeString(this.dataDir.resolve("cameras.json"),
				"[{\"user\":\"porch\",\"cameraId\":\"porch\",\"passwordHash\":\"" + weak + "\"}]");
		CameraDirectory cameras = directory(20_000);

		assertThat(cameras.authenticate("porch", "wrong-password", this.source).account()).isNull();
		assertThat(Files.readString(this.dataDir.resolve("cameras.json"))).as("not on a failed login").contains(weak);

		assertThat(cameras.authenticate("porch", "porch-password-1", this.source).account()).isNotNull();
		String stored = Files.readString(this.dataDir.resolve("cameras.json"));
		assertThat(stored).doesNotContain(weak).contains("pbkdf2-sha256$20000$").doesNotContain("porch-password-1");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.dataDir.resolve("cameras.json"))))
			.isEqualTo("rw-------");
		// Transparent: the same password keeps working, also after a restart.
		assertThat(directory(20_000).authenticate("porch", "porch-password-1", this.source).account()).isNotNull();
		assertThat(cameras.authenticate("porch", "porch-password-2", this.source).account()).isNull();
	}

	private CameraDirectory directory(int iterations) {
		CameraProperties properties = new CameraProperties(List.of(), ZoneId.of("UTC"), Duration.ofHours(6),
				iterations);
		return new CameraDirectory(new EdgeProperties(this.dataDir, "edge"), properties,
				new LoginGuard(new LoginGuardProperties(5, 10, Duration.ofSeconds(30), Duration.ofMinutes(15),
						Duration.ofHours(1), Duration.ofDays(7), 10_000), Clock.systemUTC()),
				new SimpleMeterRegistry());
	}

}
