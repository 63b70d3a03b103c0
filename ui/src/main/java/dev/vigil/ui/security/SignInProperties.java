package dev.vigil.ui.security;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where users reach the UI and how long its sessions live.
 *
 * @param publicUrl the URL users type (the gateway, {@code VIGIL_PUBLIC_URL}); the OAuth
 * redirect and post-logout URIs are built from it, never from the request's {@code Host}
 * header
 * @param anonymousSessionTimeout idle lifetime of a session that never signed in (it
 * holds only a saved page and a pending authorization request), so sessions opened by
 * anonymous requests do not pile up for the signed-in lifetime
 * @param signedInSessionTimeout idle lifetime of a signed-in session
 */
@Validated
@ConfigurationProperties("vigil.ui.sign-in")
public record SignInProperties(@DefaultValue("http://localhost:8080") @NotNull URI publicUrl,
		@DefaultValue("5m") Duration anonymousSessionTimeout, @DefaultValue("8h") Duration signedInSessionTimeout) {

	public SignInProperties {
		String text = publicUrl.toString();
		if (text.endsWith("/")) {
			publicUrl = URI.create(text.substring(0, text.length() - 1));
		}
	}

}
