package dev.vigil.devstack;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Rejections happen before anything starts: no child process, no data written.
 */
class DevstackBadInputTests {

	@TempDir
	Path dir;

	@Test
	void refusesATakenPortNamingItsHolderAndStartsNothing() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			int port = taken.getLocalPort();
			DevstackSettings settings = settings(this.dir.resolve("data"), 0, port);

			assertThatExceptionOfType(DevstackException.class).isThrownBy(() -> Devstack.start(settings))
				.withMessageContaining("Port " + port + " (S3)")
				.withMessageContaining("pid " + ProcessHandle.current().pid());
			assertThat(ProcessHandle.current().children()).isEmpty();
			assertThat(this.dir.resolve("data")).doesNotExist();
		}
	}

	@Test
	void refusesAnUnwritableDataDirWithAClearMessage() throws Exception {
		// A path below a regular file can never be created, even by root (who ignores
		// modes).
		Path file = Files.writeString(this.dir.resolve("not-a-directory"), "x");
		DevstackSettings settings = settings(file.resolve("data"), 0, 0);

		assertThatExceptionOfType(DevstackException.class).isThrownBy(() -> Devstack.start(settings))
			.withMessageContaining("data dir " + file.resolve("data"))
			.withMessageContaining("is not writable");
		assertThat(ProcessHandle.current().children()).isEmpty();
	}

	@Test
	void refusesTheSamePortForTwoComponents() {
		int port = Ports.free();
		DevstackSettings settings = new DevstackSettings(this.dir.resolve("data"), this.dir.resolve("logs"), port, 0,
				port, 0, 0, null, null, false, true, Duration.ofSeconds(5));

		assertThatExceptionOfType(DevstackException.class).isThrownBy(() -> Devstack.start(settings))
			.withMessageContaining("more than one component");
	}

	@Test
	void refusesAPortOutOfRange() {
		DevstackSettings settings = settings(this.dir.resolve("data"), 70000, 0);

		assertThatExceptionOfType(DevstackException.class).isThrownBy(() -> Devstack.start(settings))
			.withMessageContaining("70000");
	}

	private DevstackSettings settings(Path dataDir, int kafkaPort, int s3Port) {
		return new DevstackSettings(dataDir, this.dir.resolve("logs"), kafkaPort, 0, 0, s3Port, 0, null, null, false,
				true, Duration.ofSeconds(5));
	}

}
