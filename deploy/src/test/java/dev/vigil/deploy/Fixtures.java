package dev.vigil.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the small good and bad fixtures under src/test/resources/fixtures. */
final class Fixtures {

	private Fixtures() {
	}

	static Path path(String name) {
		try {
			return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
		}
		catch (URISyntaxException | NullPointerException ex) {
			throw new IllegalArgumentException("No fixture " + name, ex);
		}
	}

	static String text(String name) {
		try {
			return Files.readString(path(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
