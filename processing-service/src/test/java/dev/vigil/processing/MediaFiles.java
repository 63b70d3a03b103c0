package dev.vigil.processing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real test media under {@code .vigil/media} ({@code ./vigil setup} downloads them).
 */
public final class MediaFiles {

	private static final Path ROOT = Path.of("..", ".vigil", "media");

	private MediaFiles() {
	}

	public static Path file(String name) {
		Path file = ROOT.resolve(name);
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("Test media " + file.toAbsolutePath() + " is missing: run ./vigil setup");
		}
		return file;
	}

}
