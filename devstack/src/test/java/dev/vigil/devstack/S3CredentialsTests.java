package dev.vigil.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class S3CredentialsTests {

	@TempDir
	Path dir;

	@Test
	void generatesCredentialsOncePerDataDirAndKeepsThemOwnerOnly() throws Exception {
		S3Credentials first = S3Credentials.resolve(this.dir, null, null);
		S3Credentials again = S3Credentials.resolve(this.dir, null, null);

		assertThat(again).isEqualTo(first);
		assertThat(first.secretKey()).hasSizeGreaterThanOrEqualTo(32);
		Path file = this.dir.resolve(S3Credentials.FILE_NAME);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void generatesDifferentSecretsForDifferentDataDirs() throws Exception {
		Path other = Files.createDirectory(this.dir.resolve("other"));

		assertThat(S3Credentials.resolve(other, null, null).secretKey())
			.isNotEqualTo(S3Credentials.resolve(this.dir, null, null).secretKey());
	}

	@Test
	void usesGivenCredentialsWithoutWritingThem() {
		S3Credentials given = S3Credentials.resolve(this.dir, "admin-key", "a-long-secret");

		assertThat(given).isEqualTo(new S3Credentials("admin-key", "a-long-secret"));
		assertThat(this.dir.resolve(S3Credentials.FILE_NAME)).doesNotExist();
		assertThat(given.toString()).doesNotContain("a-long-secret");
	}

	@Test
	void rejectsOnlyOneOfTheTwoKeys() {
		assertThatExceptionOfType(DevstackException.class)
			.isThrownBy(() -> S3Credentials.resolve(this.dir, "admin-key", null))
			.withMessageContaining("--s3-secret-key");
	}

	@Test
	void rejectsAShortSecret() {
		assertThatExceptionOfType(DevstackException.class)
			.isThrownBy(() -> S3Credentials.resolve(this.dir, "admin-key", "short"))
			.withMessageContaining("at least 8");
	}

}
