package dev.vigil.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the repository root from the module's working directory (Surefire runs in
 * deploy/).
 */
final class Repository {

	private Repository() {
	}

	static Path root() {
		Path dir = Path.of("").toAbsolutePath();
		for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
			if (Files.isDirectory(candidate.resolve("k8s"))
					&& Files.isRegularFile(candidate.resolve("docker-compose.yml"))) {
				return candidate;
			}
		}
		throw new IllegalStateException("No repository root (with k8s/ and docker-compose.yml) above " + dir);
	}

	static Path resolve(String relative) {
		return root().resolve(relative);
	}

}
