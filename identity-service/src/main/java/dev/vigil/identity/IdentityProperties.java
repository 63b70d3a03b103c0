package dev.vigil.identity;

import java.net.URI;
import java.nio.file.Path;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where this issuer lives and where it keeps its local state.
 *
 * @param issuer the public issuer URL, identical for browsers and services (the gateway's
 * {@code /auth} path by default), so {@code iss} in every token matches discovery
 * @param dataDir directory for the signing keys and the one-time secrets that
 * {@code ./vigil up} prints (initial admin password, demo client)
 * @param apiAudience the {@code aud} of every access token (RFC 9068 {@code at+jwt}): the
 * Vigil API (catalog-api and this service's admin API) accepts only tokens naming it, so
 * an ID token (audience: the client) is never an API key
 */
@Validated
@ConfigurationProperties("vigil.identity")
public record IdentityProperties(@DefaultValue("http://localhost:8080/auth") @NotNull URI issuer,
		@DefaultValue(".vigil/identity") @NotNull Path dataDir,
		@DefaultValue("vigil-api") @NotBlank String apiAudience) {

	public IdentityProperties {
		String text = issuer.toString();
		if (text.endsWith("/")) {
			// Discovery and the iss claim compare strings: one canonical
			// form, no trailing slash.
			issuer = URI.create(text.substring(0, text.length() - 1));
		}
	}

}
