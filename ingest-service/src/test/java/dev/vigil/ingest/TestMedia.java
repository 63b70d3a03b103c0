package dev.vigil.ingest;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real camera-like media from the repository's {@code .vigil/media} (darknet and OpenCV
 * sample files), resolved from the module directory that tests run in.
 */
public final class TestMedia {

	private TestMedia() {
	}

	public static Path file(String relative) {
		for (Path base : new Path[] { Path.of("../.vigil/media"), Path.of(".vigil/media") }) {
			Path candidate = base.resolve(relative);
			if (Files.isRegularFile(candidate)) {
				return candidate.toAbsolutePath();
			}
		}
		throw new IllegalStateException("Test media " + relative + " missing: run ./vigil setup");
	}

}
