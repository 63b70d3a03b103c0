package dev.vigil.catalog.security;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Who is calling, from the validated JWT: the subject for the audit log and the camera
 * scope for queries.
 */
@Component
public class CurrentCaller {

	private final CatalogSecurityProperties properties;

	CurrentCaller(CatalogSecurityProperties properties) {
		this.properties = properties;
	}

	public CameraScope scope() {
		Jwt jwt = jwt();
		if (jwt == null) {
			return CameraScope.of(List.of());
		}
		Object claim = jwt.getClaims().get(this.properties.camerasClaim());
		if (claim == null) {
			return this.properties.unrestrictedWithoutClaim() ? CameraScope.ALL : CameraScope.of(List.of());
		}
		if (claim instanceof Collection<?> values) {
			return CameraScope.of(values.stream().map(String::valueOf).toList());
		}
		// A single string is accepted as a space-separated list, like the scope claim.
		return CameraScope.of(List.of(String.valueOf(claim).split(" ")));
	}

	/**
	 * The caller's name for the audit log.
	 * @return the subject, else the client id, else "system"
	 */
	public String name() {
		Jwt jwt = jwt();
		if (jwt == null) {
			return "system";
		}
		return (jwt.getSubject() != null) ? jwt.getSubject() : String.valueOf(jwt.getClaims().get("azp"));
	}

	private static @Nullable Jwt jwt() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication instanceof JwtAuthenticationToken token) ? token.getToken() : null;
	}

}
