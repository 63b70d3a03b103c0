package dev.vigil.identity.server;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.vigil.support.SecretFiles;

/**
 * Finds the UI client's secret: configured ({@code VIGIL_UI_CLIENT_SECRET}), else,
 * outside production, the one generated earlier into {@code ui-client.properties}, else a
 * new one written there (mode 600). Production refuses to start without a strong
 * configured secret.
 */
final class UiClientSecret {

	static final String VARIABLE = "VIGIL_UI_CLIENT_SECRET";

	static final String FILE = "ui-client.properties";

	/** Values seen in examples and tutorials; never acceptable in production. */
	static final Set<String> KNOWN_DEFAULTS = Set.of("secret", "changeme", "change-me", "password", "vigil", "vigil-ui",
			"dev", "devsecret", "dev-secret", "test", "example");

	static final int MIN_PRODUCTION_LENGTH = 24;

	private static final Logger log = LoggerFactory.getLogger(UiClientSecret.class);

	private UiClientSecret() {
	}

	static String resolve(@Nullable String configured, boolean production, Path dataDir, String clientId) {
		if (production) {
			checkProduction(configured);
			return configured;
		}
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		Path file = dataDir.resolve(FILE);
		if (Files.exists(file)) {
			Properties properties = new Properties();
			try (Reader reader = Files.newBufferedReader(file)) {
				properties.load(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + file, ex);
			}
			String stored = properties.getProperty("client-secret");
			if (stored != null && !stored.isBlank()) {
				return stored;
			}
		}
		String generated = SecretFiles.randomToken(32);
		SecretFiles.writePrivate(file, "client-id=" + clientId + "\nclient-secret=" + generated + "\n");
		log.info("Generated the {} client secret into {} (set {} to choose it)", clientId, file.toAbsolutePath(),
				VARIABLE);
		return generated;
	}

	static void checkProduction(@Nullable String configured) {
		if (configured == null || configured.isBlank()) {
			throw new IllegalStateException(
					VARIABLE + " is not set: the production profile needs the UI client's secret from a Secret");
		}
		if (KNOWN_DEFAULTS.contains(configured.toLowerCase(Locale.ROOT))
				|| configured.length() < MIN_PRODUCTION_LENGTH) {
			throw new IllegalStateException(VARIABLE + " is a default or weak value: use at least "
					+ MIN_PRODUCTION_LENGTH + " random characters");
		}
	}

}
