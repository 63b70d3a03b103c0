package dev.vigil.identity.server;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A client-credentials request without {@code scope} gets every scope the client was
 * given (RFC 6749 §3.3 lets the server pick a default), rather than a token with none;
 * integrators then need not repeat their scopes.
 */
final class DefaultClientScopes implements AuthenticationConverter {

	private final OAuth2ClientCredentialsAuthenticationConverter delegate = new OAuth2ClientCredentialsAuthenticationConverter();

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		Authentication converted = this.delegate.convert(request);
		if (converted instanceof OAuth2ClientCredentialsAuthenticationToken clientCredentials
				&& clientCredentials.getScopes().isEmpty()
				&& clientCredentials.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
				&& client.getRegisteredClient() != null) {
			return new OAuth2ClientCredentialsAuthenticationToken(client, client.getRegisteredClient().getScopes(),
					clientCredentials.getAdditionalParameters());
		}
		return converted;
	}

}
