package dev.vigil.ui;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real test pictures under the repository's {@code .vigil/media} (until devstack's
 * {@code TestMedia} is available here).
 */
final class TestMedia {

	private TestMedia() {
	}

	static Path file(String name) {
		for (Path root : new Path[] { Path.of("../.vigil/media"), Path.of(".vigil/media") }) {
			Path file = root.resolve(name);
			if (Files.isRegularFile(file)) {
				return file;
			}
		}
		throw new IllegalStateException("Test media " + name + " not found: run ./vigil setup");
	}

}
