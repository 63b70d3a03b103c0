package dev.vigil.catalog.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In the {@code production} profile the service refuses to start without a token issuer
 * or with missing or well-known S3 credentials, naming the environment variable to set.
 */
@Component
@Profile("production")
class ProductionSettingsCheck implements InitializingBean {

	private static final Set<String> WELL_KNOWN = Set.of("minioadmin", "changeme", "password", "secret", "admin",
			"vigil", "local-identity", "local-credential");

	private final Environment environment;

	ProductionSettingsCheck(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		List<String> problems = new ArrayList<>();
		if (blank("spring.security.oauth2.resourceserver.jwt.issuer-uri")
				&& blank("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")) {
			problems.add("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI (the token issuer) is not set");
		}
		secret("vigil.s3.access-key", "VIGIL_S3_ACCESS_KEY", problems);
		secret("vigil.s3.secret-key", "VIGIL_S3_SECRET_KEY", problems);
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					"Refusing to start in the production profile: " + String.join("; ", problems));
		}
	}

	private void secret(String property, String variable, List<String> problems) {
		String value = this.environment.getProperty(property);
		if (value == null || value.isBlank()) {
			problems.add(variable + " is not set");
		}
		else if (WELL_KNOWN.contains(value.toLowerCase(java.util.Locale.ROOT))) {
			problems.add(variable + " is a well-known default");
		}
	}

	private boolean blank(String property) {
		String value = this.environment.getProperty(property);
		return value == null || value.isBlank();
	}

}
