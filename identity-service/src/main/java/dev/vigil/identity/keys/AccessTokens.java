package dev.vigil.identity.keys;

import java.util.List;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * What makes a JWT an access token for the Vigil API (RFC 9068): header
 * {@code typ: at+jwt} and the API audience. ID tokens ({@code typ: JWT}, audience: the
 * client) carry the same signature and issuer, and are sent around in logout URLs, so
 * without these two checks they would work as bearer tokens.
 */
public final class AccessTokens {

	/** The {@code typ} header of every access token this issuer signs. */
	public static final String TYPE = "at+jwt";

	private AccessTokens() {
	}

	/**
	 * Validation of a presented bearer token: not expired, this issuer, type
	 * {@code at+jwt}, audience {@code audience}.
	 * @param issuer the issuer URL
	 * @param audience the API audience
	 * @return the validator
	 */
	public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
		return JwtValidators.createDefaultWithValidators(List.of(new JwtIssuerValidator(issuer),
				new JwtTypeValidator(TYPE, "application/" + TYPE), new JwtAudienceValidator(audience)));
	}

}
