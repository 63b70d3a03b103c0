package dev.vigil.catalog.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * Decodes bearer tokens and accepts only access tokens meant for this API: signed by the
 * issuer's keys, from the configured issuer, not expired, JOSE header {@code typ} one of
 * {@code vigil.catalog.security.token-types} ({@code at+jwt}, RFC 9068) and an
 * {@code aud} naming one of {@code spring.security.oauth2.resourceserver.jwt.audiences}.
 * An ID token has the same signature and issuer but {@code typ: JWT} and the client as
 * audience, so it is refused (401) rather than treated as a key to the API.
 */
final class AccessTokenDecoder {

	static final String AUDIENCES = "spring.security.oauth2.resourceserver.jwt.audiences";

	private AccessTokenDecoder() {
	}

	static JwtDecoder create(OAuth2ResourceServerProperties.Jwt properties, CatalogSecurityProperties security) {
		OAuth2TokenValidator<Jwt> validator = validator(properties.getIssuerUri(), properties.getAudiences(),
				security.tokenTypes());
		if (hasText(properties.getJwkSetUri())) {
			// Keys straight from the issuer (e.g.
			// http://identity-service:8090/oauth2/jwks),
			// the issuer still checked by the validator.
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.getJwkSetUri()).build();
			decoder.setJwtValidator(validator);
			return decoder;
		}
		if (hasText(properties.getIssuerUri())) {
			// Discovery on first use (retried until it works), so the API may start
			// before
			// the issuer answers: compose, k8s and ./vigil up start them side by side.
			return new SupplierJwtDecoder(() -> {
				NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(properties.getIssuerUri()).build();
				decoder.setJwtValidator(validator);
				return decoder;
			});
		}
		throw new IllegalStateException("No token issuer: set spring.security.oauth2.resourceserver.jwt.issuer-uri "
				+ "(VIGIL_ISSUER_URI) and/or its jwk-set-uri");
	}

	static OAuth2TokenValidator<Jwt> validator(String issuer, List<String> audiences, List<String> tokenTypes) {
		if (audiences == null || audiences.isEmpty()) {
			throw new IllegalStateException(AUDIENCES + " is empty: name the audience the issuer puts into access "
					+ "tokens for this API (identity-service: vigil-api)");
		}
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		if (hasText(issuer)) {
			validators.add(new JwtIssuerValidator(issuer));
		}
		validators.add(new JwtTypeValidator(tokenTypes));
		List<String> accepted = List.copyOf(audiences);
		validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
				(aud) -> aud != null && aud.stream().anyMatch(accepted::contains)));
		// Adds the expiry/not-before check (and keeps our type check, not the default's).
		return JwtValidators.createDefaultWithValidators(validators);
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
