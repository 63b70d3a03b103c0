package dev.vigil.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SecretFilesTests {

	@TempDir
	Path dir;

	@Test
	void writesASecretReadableOnlyByTheOwnerInAPrivateDirectory() throws Exception {
		Path file = this.dir.resolve("secrets/token");
		SecretFiles.writePrivate(file, "s3cret\n");
		assertThat(Files.readString(file)).isEqualTo("s3cret\n");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
			.isEqualTo("rwx------");
	}

	@Test
	void replacesAnExistingSecretAndLeavesNoTemporaryFile() throws Exception {
		Path file = this.dir.resolve("token");
		SecretFiles.writePrivate(file, "old");
		SecretFiles.writePrivate(file, "new");
		assertThat(Files.readString(file)).isEqualTo("new");
		try (var files = Files.list(this.dir)) {
			assertThat(files).containsExactly(file);
		}
	}

	@Test
	void randomTokensAreUrlSafeAndDiffer() {
		String one = SecretFiles.randomToken(24);
		assertThat(one).hasSize(32).matches("[A-Za-z0-9_-]+");
		assertThat(SecretFiles.randomToken(24)).isNotEqualTo(one);
		assertThat(SecretFiles.randomHex(16)).hasSize(32).matches("[0-9a-f]+");
	}

}
