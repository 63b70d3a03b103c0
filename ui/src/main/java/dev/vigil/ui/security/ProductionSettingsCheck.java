package dev.vigil.ui.security;

import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In the {@code production} profile the UI refuses to start without its OAuth client
 * secret, or with a well-known one, and names the variable to set.
 */
@Component
@Profile("production")
class ProductionSettingsCheck implements InitializingBean {

	static final String SECRET = "spring.security.oauth2.client.registration.vigil.client-secret";

	private static final Set<String> WELL_KNOWN = Set.of("secret", "changeme", "change-me", "password", "vigil",
			"vigil-ui", "dev", "test", "example");

	private final Environment environment;

	ProductionSettingsCheck(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		String secret = this.environment.getProperty(SECRET);
		if (secret == null || secret.isBlank()) {
			throw new IllegalStateException(
					"Refusing to start in the production profile: VIGIL_UI_CLIENT_SECRET (the vigil-ui client secret) is not set");
		}
		if (WELL_KNOWN.contains(secret.toLowerCase(Locale.ROOT)) || secret.length() < 16) {
			throw new IllegalStateException("Refusing to start in the production profile: VIGIL_UI_CLIENT_SECRET is a "
					+ "well-known or short value: use at least 16 random characters");
		}
	}

}
