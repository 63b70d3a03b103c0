package dev.vigil.ui.security;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives a session the short anonymous lifetime until its user has signed in, then the
 * signed-in one. Any anonymous request that saves a page or starts a sign-in creates a
 * session; without this each would be kept for the full signed-in timeout.
 */
final class SessionLifetime extends OncePerRequestFilter {

	private final int anonymousSeconds;

	private final int signedInSeconds;

	SessionLifetime(Duration anonymous, Duration signedIn) {
		this.anonymousSeconds = (int) Math.max(1, anonymous.toSeconds());
		this.signedInSeconds = (int) Math.max(1, signedIn.toSeconds());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			HttpSession session = request.getSession(false);
			if (session != null) {
				try {
					session.setMaxInactiveInterval(signedIn() ? this.signedInSeconds : this.anonymousSeconds);
				}
				catch (IllegalStateException ex) {
					// invalidated during the request (logout): nothing to keep
				}
			}
		}
	}

	private static boolean signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

}
