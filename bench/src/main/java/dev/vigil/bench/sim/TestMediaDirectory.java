package dev.vigil.bench.sim;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real test media that {@code ./vigil setup} unpacks into {@code .vigil/media}.
 */
public final class TestMediaDirectory {

	private TestMediaDirectory() {
	}

	/**
	 * The media directory: system property {@code vigil.test-media}, environment variable
	 * {@code VIGIL_TEST_MEDIA}, else {@code .vigil/media} in the working directory or a
	 * parent.
	 * @return the directory
	 * @throws IllegalStateException if it cannot be found
	 */
	public static Path find() {
		String configured = System.getProperty("vigil.test-media", System.getenv("VIGIL_TEST_MEDIA"));
		if (configured != null) {
			return Path.of(configured);
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path media = dir.resolve(".vigil/media");
			if (Files.isDirectory(media)) {
				return media;
			}
		}
		throw new IllegalStateException("No test media (.vigil/media): run ./vigil setup");
	}

}
