package dev.vigil.ingest.camera;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 from the JDK: no extra dependency on the Pi, and the iteration count
 * travels in the hash so it can be raised without invalidating stored accounts (they are
 * re-hashed at their next successful login, see {@link #needsUpgrade}).
 */
final class PasswordHasher {

	private static final String PREFIX = "pbkdf2-sha256";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final int iterations;

	PasswordHasher(int iterations) {
		this.iterations = iterations;
	}

	String hash(String password) {
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		byte[] derived = derive(password, salt, this.iterations);
		Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
		return PREFIX + "$" + this.iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derived);
	}

	boolean matches(String password, String encoded) {
		String[] parts = encoded.split("\\$");
		if (parts.length != 4 || !parts[0].equals(PREFIX)) {
			return false;
		}
		try {
			int iterations = Integer.parseInt(parts[1]);
			byte[] salt = Base64.getDecoder().decode(parts[2]);
			byte[] expected = Base64.getDecoder().decode(parts[3]);
			return MessageDigest.isEqual(expected, derive(password, salt, iterations));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Whether a hash was made with fewer iterations than this hasher uses now (or cannot
	 * be read), so it should be replaced at the next successful login.
	 */
	boolean needsUpgrade(String encoded) {
		String[] parts = encoded.split("\\$");
		try {
			return parts.length != 4 || Integer.parseInt(parts[1]) < this.iterations;
		}
		catch (NumberFormatException ex) {
			return true;
		}
	}

	static boolean isHash(String value) {
		return value.startsWith(PREFIX + "$");
	}

	/** A random password for generated accounts: 24 URL-safe characters. */
	static String generatePassword() {
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
