package dev.vigil.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TestMediaTests {

	@TempDir
	Path dir;

	@AfterEach
	void clearProperty() {
		System.clearProperty(TestMedia.PROPERTY);
	}

	@Test
	void findsTheRealMediaInAParentDirectory() throws Exception {
		Path person = TestMedia.file("darknet/person.jpg");

		assertThat(person).isRegularFile();
		byte[] header = Files.readAllBytes(person);
		assertThat(header[0] & 0xff).isEqualTo(0xFF);
		assertThat(header[1] & 0xff).isEqualTo(0xD8);
	}

	@Test
	void prefersTheSystemProperty() throws Exception {
		Files.createDirectories(this.dir.resolve("darknet"));
		Files.writeString(this.dir.resolve("darknet/person.jpg"), "x");
		System.setProperty(TestMedia.PROPERTY, this.dir.toString());

		assertThat(TestMedia.file("darknet/person.jpg")).isEqualTo(this.dir.resolve("darknet/person.jpg"));
	}

	@Test
	void tellsToRunSetupWhenAFileIsMissing() {
		System.setProperty(TestMedia.PROPERTY, this.dir.toString());

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> TestMedia.file("darknet/person.jpg"))
			.withMessageContaining("./vigil setup");
	}

	@Test
	void rejectsPathsOutsideTheMediaDirectory() {
		System.setProperty(TestMedia.PROPERTY, this.dir.toString());

		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> TestMedia.file("../etc/passwd"));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> TestMedia.file("/etc/passwd"));
	}

}
