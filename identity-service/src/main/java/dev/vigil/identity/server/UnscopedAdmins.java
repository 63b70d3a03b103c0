package dev.vigil.identity.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.vigil.identity.Scopes;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The admin API is for admins of every camera: the {@code admin} scope and no
 * {@code cameras} claim that limits the token (absent, or {@code "*"}). Admins are never
 * camera-scoped (docs/security.md), and a scoped one could read every camera's account
 * history or lift their own scope, so the combination is refused with 403, as a problem
 * document like every other refusal here.
 */
final class UnscopedAdmins implements AuthorizationManager<RequestAuthorizationContext>, AccessDeniedHandler {

	private static final String ADMIN = "SCOPE_" + Scopes.ADMIN;

	private final BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		Authentication caller = authentication.get();
		boolean admin = caller != null && caller.isAuthenticated()
				&& caller.getAuthorities().stream().anyMatch((authority) -> ADMIN.equals(authority.getAuthority()));
		return new AuthorizationDecision(admin && !cameraScoped(caller));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		this.bearer.handle(request, response, denied);
		boolean scoped = cameraScoped(SecurityContextHolder.getContext().getAuthentication());
		String body = scoped
				? problem("camera-forbidden", "Administration needs every camera",
						"This token is limited to some cameras; admins are never camera-scoped")
				: problem("forbidden", "Forbidden", "This needs the admin scope");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
	}

	static boolean cameraScoped(Authentication caller) {
		if (!(caller instanceof JwtAuthenticationToken jwt) || !jwt.getToken().hasClaim(TokenClaims.CAMERAS)) {
			return false;
		}
		List<String> cameras = jwt.getToken().getClaimAsStringList(TokenClaims.CAMERAS);
		return cameras == null || !cameras.contains("*");
	}

	private static String problem(String type, String title, String detail) {
		// Constant texts only, so no escaping is needed.
		return "{\"type\":\"https://vigil.dev/problems/" + type + "\",\"title\":\"" + title + "\",\"status\":403,"
				+ "\"detail\":\"" + detail + "\"}";
	}

}
