package dev.vigil.ui.security;

import java.text.ParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jwt.JWTParser;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns the roles claim into {@code ROLE_*} authorities. The claim is read from the ID
 * token or user info; issuers that put roles only into the access token are covered by
 * reading its claims too. The access token came straight from the token endpoint over the
 * back channel, like the ID token, so its claims are trusted here as Spring trusts the ID
 * token's; catalog-api verifies its signature on every call anyway.
 */
class ClaimRoles extends OidcUserService {

	private final AccessProperties access;

	ClaimRoles(AccessProperties access) {
		this.access = access;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
		OidcUser user = super.loadUser(request);
		Set<String> roles = values(user.getClaims().get(this.access.rolesClaim()));
		if (roles.isEmpty()) {
			roles = values(accessTokenClaims(request.getAccessToken().getTokenValue()).get(this.access.rolesClaim()));
		}
		Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
		roles.forEach((role) -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
		return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), IdTokenClaimNames.SUB);
	}

	static Set<String> values(@Nullable Object claim) {
		Set<String> values = new LinkedHashSet<>();
		if (claim instanceof Collection<?> collection) {
			collection.forEach((value) -> values.add(String.valueOf(value)));
		}
		else if (claim instanceof String text) {
			values.addAll(List.of(text.trim().split("[\\s,]+")));
			values.remove("");
		}
		return values;
	}

	private static Map<String, Object> accessTokenClaims(String token) {
		try {
			return JWTParser.parse(token).getJWTClaimsSet().getClaims();
		}
		catch (ParseException ex) {
			// An opaque access token: roles must then come from the ID
			// token or user info.
			return Map.of();
		}
	}

}
