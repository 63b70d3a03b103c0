package dev.vigil.identity.login;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import dev.vigil.identity.audit.AuditLog;
import dev.vigil.identity.users.PasswordChange;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sign-in form's throttling, audit and redirects. Every failure, whether the name is
 * unknown, the password wrong, the account disabled or locked, ends on the same page with
 * the same message. After success the browser goes back to the request that needed the
 * sign-in (kept server-side) or to {@code /}: never to a URL from a parameter.
 */
@Component
public class LoginFlow {

	static final String FAILURE_URL = "/login?error";

	private final LoginThrottle throttle;

	private final AuditLog audit;

	private final PasswordChange passwordChange;

	LoginFlow(LoginThrottle throttle, AuditLog audit, PasswordChange passwordChange) {
		this.throttle = throttle;
		this.audit = audit;
		this.passwordChange = passwordChange;
	}

	/**
	 * Rejects sign-in attempts for locked accounts or sources before any password check.
	 */
	public OncePerRequestFilter throttleFilter() {
		return new OncePerRequestFilter() {

			@Override
			protected boolean shouldNotFilter(HttpServletRequest request) {
				return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
			}

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				String username = typedUsername(request);
				String source = request.getRemoteAddr();
				Optional<Duration> locked = LoginFlow.this.throttle.lockedFor(username, source);
				if (locked.isPresent()) {
					LoginFlow.this.throttle.recordFailure(username, source);
					LoginFlow.this.audit.record(AuditLog.Type.LOGIN_THROTTLED, username, null, source,
							"locked for " + locked.get().toSeconds() + "s");
					response.sendRedirect(request.getContextPath() + FAILURE_URL);
					return;
				}
				chain.doFilter(request, response);
			}

		};
	}

	public SavedRequestAwareAuthenticationSuccessHandler successHandler() {
		return new SavedRequestAwareAuthenticationSuccessHandler() {

			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) throws ServletException, IOException {
				LoginFlow.this.throttle.recordSuccess(authentication.getName());
				LoginFlow.this.audit.record(AuditLog.Type.LOGIN_SUCCEEDED, authentication.getName(), null,
						request.getRemoteAddr(), null);
				if (LoginFlow.this.passwordChange.mustChange(authentication.getName())) {
					// The saved request stays in the session; the change page resumes it.
					request.getSession().setAttribute(PasswordChange.MUST_CHANGE, Boolean.TRUE);
					clearAuthenticationAttributes(request);
					getRedirectStrategy().sendRedirect(request, response, "/account/password");
					return;
				}
				super.onAuthenticationSuccess(request, response, authentication);
			}

		};
	}

	public AuthenticationFailureHandler failureHandler() {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
			String username = typedUsername(request);
			String source = request.getRemoteAddr();
			Optional<Duration> lock = this.throttle.recordFailure(username, source);
			this.audit.record(AuditLog.Type.LOGIN_FAILED, username, null, source, exception.getClass().getSimpleName()
					+ lock.map((duration) -> ", locked for " + duration.toSeconds() + "s").orElse(""));
			response.sendRedirect(request.getContextPath() + FAILURE_URL);
		};
	}

	/** The name as typed, bounded and without control characters, for keys and audit. */
	static String typedUsername(HttpServletRequest request) {
		@Nullable String raw = request.getParameter("username");
		String name = (raw != null) ? raw.replaceAll("\\p{Cntrl}", "").strip() : "";
		return (name.length() > 64) ? name.substring(0, 64) : name;
	}

}
