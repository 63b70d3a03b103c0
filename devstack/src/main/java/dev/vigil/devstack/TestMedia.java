package dev.vigil.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * The real test media (Darknet sample pictures, OpenCV sample clips) that
 * {@code ./vigil setup} downloads into {@code .vigil/media}.
 */
public final class TestMedia {

	/** System property that points at the media directory. */
	public static final String PROPERTY = "vigil.test-media";

	/** Environment variable that points at the media directory. */
	public static final String ENVIRONMENT = "VIGIL_TEST_MEDIA";

	private TestMedia() {
	}

	/**
	 * A media file by its path under the media directory.
	 * @param relativePath for example {@code darknet/person.jpg} or
	 * {@code opencv/vtest.avi}
	 * @return the existing file
	 * @throws IllegalArgumentException when the path leaves the media directory
	 * @throws IllegalStateException when the media or the file is missing
	 */
	public static Path file(String relativePath) {
		Path root = root();
		Path file = root.resolve(relativePath).normalize();
		if (!file.startsWith(root) || Path.of(relativePath).isAbsolute()) {
			throw new IllegalArgumentException("Test media path must stay inside " + root + ": " + relativePath);
		}
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException(
					"Test media file " + relativePath + " not found in " + root + "; run ./vigil setup to download it");
		}
		return file;
	}

	/**
	 * The media directory: {@code vigil.test-media}, {@code VIGIL_TEST_MEDIA}, then
	 * {@code .vigil/media} in the working directory or any parent.
	 * @return the existing directory
	 * @throws IllegalStateException when none is found
	 */
	public static Path root() {
		Path configured = configured();
		if (configured != null) {
			if (!Files.isDirectory(configured)) {
				throw new IllegalStateException("Test media directory " + configured + " (from " + PROPERTY + " or "
						+ ENVIRONMENT + ") does not exist; run ./vigil setup");
			}
			return configured.toAbsolutePath().normalize();
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve(".vigil").resolve("media");
			if (Files.isDirectory(candidate)) {
				return candidate.toAbsolutePath().normalize();
			}
		}
		throw new IllegalStateException("No test media found (.vigil/media in " + Path.of("").toAbsolutePath()
				+ " or a parent, " + PROPERTY + ", " + ENVIRONMENT + "); run ./vigil setup to download it");
	}

	private static @Nullable Path configured() {
		String value = System.getProperty(PROPERTY);
		if (value == null || value.isBlank()) {
			value = System.getenv(ENVIRONMENT);
		}
		return (value == null || value.isBlank()) ? null : Path.of(value);
	}

}
