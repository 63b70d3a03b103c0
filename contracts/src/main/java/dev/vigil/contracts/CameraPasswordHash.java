package dev.vigil.contracts;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The camera password hash as it travels in {@link CameraConfig}:
 * {@code pbkdf2-sha256$<iterations>$<base64 salt>$<base64 key>}, PBKDF2-HMAC-SHA256 from
 * the JDK with a 16-byte salt and a 256-bit key. The iteration count travels in the hash,
 * so it can be raised without invalidating existing accounts. The platform hashes; edges
 * verify.
 */
public final class CameraPasswordHash {

	/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
	public static final int DEFAULT_ITERATIONS = 600_000;

	private static final String PREFIX = "pbkdf2-sha256";

	private static final SecureRandom RANDOM = new SecureRandom();

	private CameraPasswordHash() {
	}

	/**
	 * Hash a password with a fresh salt.
	 * @param password the password
	 * @param iterations PBKDF2 iterations
	 * @return the encoded hash
	 */
	public static String hash(String password, int iterations) {
		if (iterations < 10_000) {
			throw new IllegalArgumentException("PBKDF2 needs at least 10000 iterations");
		}
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
		return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
				+ b64.encodeToString(derive(password, salt, iterations));
	}

	/**
	 * Check a password against an encoded hash in constant time.
	 * @param password the candidate
	 * @param encoded a hash from {@link #hash}
	 * @return whether they match; false for anything that is not such a hash
	 */
	public static boolean matches(String password, String encoded) {
		String[] parts = encoded.split("\\$");
		if (parts.length != 4 || !parts[0].equals(PREFIX)) {
			return false;
		}
		try {
			int iterations = Integer.parseInt(parts[1]);
			byte[] salt = Base64.getDecoder().decode(parts[2]);
			byte[] expected = Base64.getDecoder().decode(parts[3]);
			return iterations > 0 && MessageDigest.isEqual(expected, derive(password, salt, iterations));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * The iteration count an encoded hash was made with.
	 * @param encoded a hash from {@link #hash}
	 * @return its iterations, or 0 when the value is not such a hash
	 */
	public static int iterationsOf(String encoded) {
		String[] parts = encoded.split("\\$");
		if (parts.length != 4 || !parts[0].equals(PREFIX)) {
			return 0;
		}
		try {
			return Math.max(0, Integer.parseInt(parts[1]));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/**
	 * Whether a value has the shape of an encoded hash (and so is not a password).
	 * @param value the value
	 * @return true for {@code pbkdf2-sha256$<digits>$<base64>$<base64>}
	 */
	public static boolean isHash(String value) {
		return value.matches("pbkdf2-sha256\\$[0-9]{5,9}\\$[A-Za-z0-9+/]{16,64}\\$[A-Za-z0-9+/]{32,88}");
	}

	/**
	 * A random password for a new camera: 24 URL-safe characters (144 bits), which camera
	 * firmware accepts in its FTP settings.
	 * @return the password
	 */
	public static String generatePassword() {
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static byte[] derive(String password, byte[] salt, int iterations) {
		try {
			PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
			return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", ex);
		}
	}

}
