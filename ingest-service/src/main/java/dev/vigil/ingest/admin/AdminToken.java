package dev.vigil.ingest.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

import dev.vigil.ingest.EdgeProperties;
import dev.vigil.support.SecretFiles;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The admin bearer token: configured, or generated for {@code devstack}, and required in
 * {@code production}.
 */
final class AdminToken {

	static final String VARIABLE = "VIGIL_INGEST_ADMIN_TOKEN";

	static final int MIN_LENGTH = 24;

	private static final Logger log = LoggerFactory.getLogger(AdminToken.class);

	private final @Nullable byte[] token;

	AdminToken(AdminProperties properties, EdgeProperties edge, Environment environment) {
		String configured = properties.token();
		if (configured != null && !configured.isBlank()) {
			if (configured.length() < MIN_LENGTH) {
				throw new IllegalStateException(
						"vigil.ingest.admin.token (" + VARIABLE + ") must be at least " + MIN_LENGTH + " characters");
			}
			this.token = configured.getBytes(StandardCharsets.UTF_8);
		}
		else if (environment.acceptsProfiles(Profiles.of("production"))) {
			throw new IllegalStateException("Profile 'production' needs an admin token: set " + VARIABLE + " (at least "
					+ MIN_LENGTH + " random characters)");
		}
		else if (environment.acceptsProfiles(Profiles.of("devstack"))) {
			this.token = generated(edge.dataDir().resolve("admin-token")).getBytes(StandardCharsets.UTF_8);
		}
		else {
			log.warn("No admin token configured ({}): the /edge/v1 admin API is disabled", VARIABLE);
			this.token = null;
		}
	}

	boolean isConfigured() {
		return this.token != null;
	}

	boolean matches(@Nullable String presented) {
		return this.token != null && presented != null
				&& MessageDigest.isEqual(this.token, presented.getBytes(StandardCharsets.UTF_8));
	}

	private static String generated(Path file) {
		try {
			if (Files.exists(file)) {
				return Files.readString(file).trim();
			}
			String token = SecretFiles.randomToken(24);
			SecretFiles.writePrivate(file, token + "\n");
			log.info("Generated a devstack admin token in {}", file);
			return token;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
