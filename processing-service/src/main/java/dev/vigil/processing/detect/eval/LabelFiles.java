package dev.vigil.processing.detect.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The label files' common shape: {@code #} comment lines, a header line, then one
 * labelled picture per line.
 */
final class LabelFiles {

	private LabelFiles() {
	}

	static List<String> dataLines(Path csv) throws IOException {
		return Files.readAllLines(csv, StandardCharsets.UTF_8)
			.stream()
			.filter((line) -> !line.isBlank() && !line.startsWith("#"))
			.skip(1)
			.toList();
	}

}
