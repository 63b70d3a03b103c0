package dev.vigil.identity.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.vigil.identity.Scopes;
import dev.vigil.identity.audit.AuditLog;
import dev.vigil.identity.clients.IntegratorClient;
import dev.vigil.identity.clients.IntegratorClients;
import dev.vigil.identity.keys.AccessTokens;
import dev.vigil.identity.users.UserAccount;
import dev.vigil.identity.users.UserAccounts;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Adds Vigil's claims to issued tokens, the contract with catalog-api and the ui:
 * <ul>
 * <li>{@code scope}: API scopes ({@code media:read}, {@code media:write}, {@code admin}),
 * narrowed to what the user's roles allow;</li>
 * <li>{@code roles}: {@code admin}/{@code viewer} for users, empty for integrator
 * clients;</li>
 * <li>{@code cameras}: camera ids the subject may see; absent means every camera.</li>
 * </ul>
 * Access tokens are RFC 9068 JWTs: header {@code typ: at+jwt}, {@code aud} the API
 * audience and {@code client_id}, so the API tells them from ID tokens (audience: the
 * client). {@code roles} is for the ui's menus only; the API authorises on {@code scope}.
 * Every access token issued is audited here.
 */
final class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	static final String ROLES = "roles";

	static final String CAMERAS = "cameras";

	private final UserAccounts users;

	private final IntegratorClients integrators;

	private final AuditLog audit;

	private final String apiAudience;

	TokenClaims(UserAccounts users, IntegratorClients integrators, AuditLog audit, String apiAudience) {
		this.users = users;
		this.integrators = integrators;
		this.audit = audit;
		this.apiAudience = apiAudience;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
		boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
		if (!accessToken && !idToken) {
			return;
		}
		String clientId = context.getRegisteredClient().getClientId();
		List<String> scopes;
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			IntegratorClient client = this.integrators.find(clientId).orElse(null);
			scopes = new ArrayList<>(context.getAuthorizedScopes());
			context.getClaims().claim(ROLES, new ArrayList<>());
			putCameras(context, (client != null) ? client.cameras() : List.of());
			context.getClaims().claim("client_name", context.getRegisteredClient().getClientName());
		}
		else {
			Authentication principal = context.getPrincipal();
			UserAccount user = this.users.find(principal.getName()).orElse(null);
			Set<String> roles = (user != null) ? user.roles() : Set.of();
			scopes = new ArrayList<>(Scopes.narrow(context.getAuthorizedScopes(), roles));
			context.getClaims().claim(ROLES, new ArrayList<>(roles));
			// An unknown user (deleted meanwhile) gets an empty
			// camera list: nothing visible.
			putCameras(context, (user != null) ? user.cameras() : List.of());
			if (idToken) {
				context.getClaims().claim("preferred_username", principal.getName());
			}
		}
		if (accessToken) {
			context.getJwsHeader().type(AccessTokens.TYPE);
			context.getClaims().audience(new ArrayList<>(List.of(this.apiAudience)));
			context.getClaims().claim("client_id", clientId);
			context.getClaims().claim("scope", scopes);
			String subject = context.getPrincipal().getName();
			this.audit.record(AuditLog.Type.TOKEN_ISSUED, subject, clientId, null,
					context.getAuthorizationGrantType().getValue() + " scopes=" + scopes);
		}
	}

	private static void putCameras(JwtEncodingContext context, @Nullable List<String> cameras) {
		if (cameras != null) {
			context.getClaims().claim(CAMERAS, new ArrayList<>(cameras));
		}
	}

}
