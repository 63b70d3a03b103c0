package dev.vigil.identity.users;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a chosen password must be (NIST SP 800-63B §3.1.1.2, OWASP ASVS 2.1): at least 12
 * characters, at most 72 bytes in UTF-8 (bcrypt reads no further; longer ones are refused
 * with a message instead of being silently cut), not trivial (made of fewer than five
 * different characters, e.g. twelve spaces, or one short run repeated) and not a common
 * password or a common password with digits or symbols around it ({@code password1234}),
 * nor the username. The list is {@code common-passwords.txt} on the classpath, one
 * lower-case entry per line.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_BYTES = 72;

	private static final int MIN_DISTINCT = 5;

	private static final String LIST = "common-passwords.txt";

	private final Set<String> common;

	private PasswordPolicy(Set<String> common) {
		this.common = Set.copyOf(common);
	}

	static PasswordPolicy load() {
		Set<String> common = new HashSet<>();
		try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
			if (in == null) {
				throw new IllegalStateException(LIST + " is missing from the classpath");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String entry = line.strip().toLowerCase(Locale.ROOT);
				if (!entry.isEmpty() && !entry.startsWith("#")) {
					common.add(entry);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new PasswordPolicy(common);
	}

	/**
	 * Why this password is refused, as a sentence for the form or the API.
	 * @param password the chosen password
	 * @param username whose it would be
	 * @return the reason, or {@code null} when it is acceptable
	 */
	@Nullable String problem(String password, String username) {
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return "Choose a password of at least " + MIN_LENGTH + " characters.";
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return "Choose a password of at most " + MAX_BYTES + " bytes (about " + MAX_BYTES
					+ " letters without accents).";
		}
		if (password.strip().codePoints().distinct().count() < MIN_DISTINCT || password.matches("(?s)(.{1,6})\\1+")) {
			return "This password is too simple: use more different characters, e.g. a few unrelated words.";
		}
		String lower = password.toLowerCase(Locale.ROOT);
		String core = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
		String name = username.toLowerCase(Locale.ROOT);
		if (this.common.contains(lower) || this.common.contains(core) || this.common.contains(lower.strip())
				|| lower.equals(name) || core.equals(name)) {
			return "This password is too common or is your username: choose another one.";
		}
		return null;
	}

}
