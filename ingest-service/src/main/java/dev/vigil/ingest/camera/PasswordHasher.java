package dev.vigil.ingest.camera;

import dev.vigil.contracts.CameraPasswordHash;

/**
 * The edge's use of {@link CameraPasswordHash} (the one encoding, shared with the
 * platform's {@code camera.config}): new hashes with the configured iteration count, and
 * stored hashes with fewer are re-hashed at their next successful login (see
 * {@link #needsUpgrade}).
 */
final class PasswordHasher {

	private static final String PREFIX = "pbkdf2-sha256$";

	private final int iterations;

	PasswordHasher(int iterations) {
		this.iterations = iterations;
	}

	String hash(String password) {
		return CameraPasswordHash.hash(password, this.iterations);
	}

	boolean matches(String password, String encoded) {
		return CameraPasswordHash.matches(password, encoded);
	}

	/**
	 * Whether a hash was made with fewer iterations than this hasher uses now (or cannot
	 * be read), so it should be replaced at the next successful login.
	 */
	boolean needsUpgrade(String encoded) {
		return CameraPasswordHash.iterationsOf(encoded) < this.iterations;
	}

	/**
	 * Whether a configured value is meant as a hash (a malformed one then never matches,
	 * rather than becoming a password).
	 */
	static boolean isHash(String value) {
		return value.startsWith(PREFIX);
	}

	/** A random password for generated accounts: 24 URL-safe characters. */
	static String generatePassword() {
		return CameraPasswordHash.generatePassword();
	}

}
