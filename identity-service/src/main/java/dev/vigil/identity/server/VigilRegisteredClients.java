package dev.vigil.identity.server;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.vigil.identity.Scopes;
import dev.vigil.identity.clients.IntegratorClient;
import dev.vigil.identity.clients.IntegratorClients;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The clients the authorization server knows: the built-in UI and CLI clients from
 * configuration, then the integrator clients in MongoDB. A revoked or expired integrator
 * client is not found at all, so the token endpoint answers {@code invalid_client}.
 */
final class VigilRegisteredClients implements RegisteredClientRepository {

	private final List<RegisteredClient> builtIn;

	private final IntegratorClients integrators;

	private final Duration accessTokenTtl;

	VigilRegisteredClients(List<RegisteredClient> builtIn, IntegratorClients integrators, Duration accessTokenTtl) {
		this.builtIn = List.copyOf(builtIn);
		this.integrators = integrators;
		this.accessTokenTtl = accessTokenTtl;
	}

	static RegisteredClient ui(ClientProperties properties, String encodedSecret) {
		ClientProperties.Ui ui = properties.ui();
		return RegisteredClient.withId("builtin-" + ui.clientId())
			.clientId(ui.clientId())
			.clientName("Vigil web UI")
			.clientSecret(encodedSecret)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUris((uris) -> uris.addAll(ui.redirectUris()))
			.postLogoutRedirectUris((uris) -> uris.addAll(ui.postLogoutRedirectUris()))
			.scopes((scopes) -> {
				scopes.add(OidcScopes.OPENID);
				scopes.add(OidcScopes.PROFILE);
				scopes.addAll(Scopes.API);
			})
			// First-party client: no consent screen, PKCE
			// required even though confidential.
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).requireProofKey(true).build())
			.tokenSettings(userTokens(properties))
			.build();
	}

	static RegisteredClient cli(ClientProperties properties) {
		ClientProperties.Cli cli = properties.cli();
		return RegisteredClient.withId("builtin-" + cli.clientId())
			.clientId(cli.clientId())
			.clientName("Vigil command-line tools")
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUris((uris) -> uris.addAll(cli.redirectUris()))
			.scopes((scopes) -> {
				scopes.add(OidcScopes.OPENID);
				scopes.addAll(Scopes.API);
			})
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).requireProofKey(true).build())
			.tokenSettings(userTokens(properties))
			.build();
	}

	private static TokenSettings userTokens(ClientProperties properties) {
		return TokenSettings.builder()
			.accessTokenTimeToLive(properties.accessTokenTtl())
			.refreshTokenTimeToLive(properties.refreshTokenTtl())
			.reuseRefreshTokens(false)
			.build();
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		throw new UnsupportedOperationException("Clients are created through /admin/v1/clients");
	}

	@Override
	public @Nullable RegisteredClient findById(String id) {
		for (RegisteredClient client : this.builtIn) {
			if (client.getId().equals(id)) {
				return client;
			}
		}
		return this.integrators.findUsable(id).map(this::toRegistered).orElse(null);
	}

	@Override
	public @Nullable RegisteredClient findByClientId(String clientId) {
		for (RegisteredClient client : this.builtIn) {
			if (client.getClientId().equals(clientId)) {
				return client;
			}
		}
		return this.integrators.findUsable(clientId).map(this::toRegistered).orElse(null);
	}

	private RegisteredClient toRegistered(IntegratorClient client) {
		Duration ttl = this.accessTokenTtl;
		if (client.expiresAt() != null) {
			// A token never outlives the client it was issued to.
			Duration left = Duration.between(Instant.now(), client.expiresAt());
			if (left.compareTo(ttl) < 0) {
				ttl = left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left;
			}
		}
		return RegisteredClient.withId(client.clientId())
			.clientId(client.clientId())
			.clientName(client.name())
			.clientIdIssuedAt(client.createdAt())
			.clientSecret(client.secretHash())
			.clientSecretExpiresAt(client.expiresAt())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scopes((scopes) -> scopes.addAll(client.scopes()))
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ttl).build())
			.build();
	}

}
