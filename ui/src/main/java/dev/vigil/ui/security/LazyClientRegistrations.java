package dev.vigil.ui.security;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * Client registrations from the standard {@code spring.security.oauth2.client.*}
 * properties, resolved on first use instead of at startup. With {@code issuer-uri} Boot
 * fetches the issuer's discovery document while the context starts, so the UI could not
 * start before identity-service (or Keycloak) answers; here a missing issuer only fails a
 * sign-in attempt, and the next attempt tries again.
 */
class LazyClientRegistrations implements ClientRegistrationRepository {

	private static final Logger log = LoggerFactory.getLogger(LazyClientRegistrations.class);

	private final OAuth2ClientProperties properties;

	private volatile @Nullable Map<String, ClientRegistration> registrations;

	LazyClientRegistrations(OAuth2ClientProperties properties) {
		this.properties = properties;
	}

	@Override
	public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
		return resolve().get(registrationId);
	}

	private Map<String, ClientRegistration> resolve() {
		Map<String, ClientRegistration> resolved = this.registrations;
		if (resolved == null) {
			synchronized (this) {
				resolved = this.registrations;
				if (resolved == null) {
					try {
						resolved = Map
							.copyOf(new OAuth2ClientPropertiesMapper(this.properties).asClientRegistrations());
					}
					catch (RuntimeException ex) {
						log.warn("OIDC issuer not reachable yet: {}", ex.getMessage());
						throw new IssuerUnavailableException(ex);
					}
					this.registrations = resolved;
				}
			}
		}
		return resolved;
	}

	/** The issuer's discovery document could not be read. */
	static class IssuerUnavailableException extends RuntimeException {

		IssuerUnavailableException(Throwable cause) {
			super("The sign-in service is not reachable: " + cause.getMessage(), cause);
		}

	}

}
