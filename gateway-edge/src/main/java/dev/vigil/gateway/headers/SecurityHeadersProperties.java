package dev.vigil.gateway.headers;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Security headers added to every response (a downstream service's own value wins).
 *
 * @param contentSecurityPolicy CSP for pages; images and video may come from the object
 * store's presigned URLs on another origin, hence {@code http: https:} for img/media
 * @param hstsMaxAge {@code Strict-Transport-Security} max-age, sent only on HTTPS
 * @param frameOptions {@code X-Frame-Options}
 * @param referrerPolicy {@code Referrer-Policy}
 */
@Validated
@ConfigurationProperties("vigil.gateway.headers")
record SecurityHeadersProperties(@DefaultValue("default-src 'self'; img-src 'self' data: blob: http: https:; "
		+ "media-src 'self' blob: http: https:; connect-src 'self'; style-src 'self' 'unsafe-inline'; "
		+ "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'") @NotBlank String contentSecurityPolicy,
		@DefaultValue("365d") Duration hstsMaxAge, @DefaultValue("DENY") @NotBlank String frameOptions,
		@DefaultValue("strict-origin-when-cross-origin") @NotBlank String referrerPolicy) {
}
