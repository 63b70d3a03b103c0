package dev.vigil.identity.server;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The built-in OAuth clients and token lifetimes.
 *
 * @param ui the web UI (confidential, authorization code + PKCE, refresh tokens)
 * @param cli command-line tools (public, authorization code + PKCE on a loopback
 * redirect)
 * @param accessTokenTtl lifetime of access tokens; short, because a revoked integrator
 * client's last token stays valid until it expires
 * @param refreshTokenTtl lifetime of refresh tokens (rotated on every use)
 */
@Validated
@ConfigurationProperties("vigil.identity.clients")
record ClientProperties(@DefaultValue Ui ui, @DefaultValue Cli cli, @DefaultValue("5m") Duration accessTokenTtl,
		@DefaultValue("8h") Duration refreshTokenTtl) {

	/**
	 * The UI client.
	 *
	 * @param clientId client id
	 * @param clientSecret the secret ({@code VIGIL_UI_CLIENT_SECRET}, shared with the ui
	 * service); generated into {@code ui-client.properties} outside production when unset
	 * @param redirectUris where authorization codes may be sent (exact match)
	 * @param postLogoutRedirectUris where RP-initiated logout may return (exact match)
	 */
	record Ui(@DefaultValue("vigil-ui") @NotBlank String clientId, @Nullable String clientSecret,
			@DefaultValue("http://localhost:8080/login/oauth2/code/vigil") @NotEmpty List<String> redirectUris,
			@DefaultValue("http://localhost:8080/signed-out") List<String> postLogoutRedirectUris) {
	}

	/**
	 * The CLI client.
	 *
	 * @param clientId client id
	 * @param redirectUris loopback redirects (any port is accepted on 127.0.0.1/[::1])
	 */
	record Cli(@DefaultValue("vigil-cli") @NotBlank String clientId,
			@DefaultValue("http://127.0.0.1/callback") List<String> redirectUris) {
	}

}
