package dev.vigil.identity.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class UiClientSecretTests {

	@TempDir
	Path dir;

	@Test
	void productionRefusesAMissingSecretAndNamesTheVariable() {
		assertThatIllegalStateException().isThrownBy(() -> UiClientSecret.resolve(null, true, this.dir, "vigil-ui"))
			.withMessageStartingWith("VIGIL_UI_CLIENT_SECRET is not set");
		assertThatIllegalStateException().isThrownBy(() -> UiClientSecret.resolve(" ", true, this.dir, "vigil-ui"))
			.withMessageStartingWith("VIGIL_UI_CLIENT_SECRET is not set");
	}

	@Test
	void productionRefusesKnownDefaultsAndShortSecrets() {
		assertThatIllegalStateException()
			.isThrownBy(() -> UiClientSecret.resolve("changeme", true, this.dir, "vigil-ui"))
			.withMessageContaining("VIGIL_UI_CLIENT_SECRET is a default or weak value");
		assertThatIllegalStateException()
			.isThrownBy(() -> UiClientSecret.resolve("Tr0ub4dor&3", true, this.dir, "vigil-ui"))
			.withMessageContaining("VIGIL_UI_CLIENT_SECRET");
	}

	@Test
	void productionAcceptsAStrongSecretAndWritesNothing() throws Exception {
		String strong = "q4Jk0t7mVZcX2pL9sW1eR8yU3iO6aD5f";

		assertThat(UiClientSecret.resolve(strong, true, this.dir, "vigil-ui")).isEqualTo(strong);
		try (var files = Files.list(this.dir)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void outsideProductionGeneratesAPrivateSecretOnceAndReusesIt() throws Exception {
		String first = UiClientSecret.resolve(null, false, this.dir, "vigil-ui");
		String second = UiClientSecret.resolve("", false, this.dir, "vigil-ui");

		assertThat(first).hasSizeGreaterThanOrEqualTo(40).isEqualTo(second);
		Path file = this.dir.resolve(UiClientSecret.FILE);
		assertThat(Files.readString(file)).contains("client-id=vigil-ui", "client-secret=" + first);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

}
