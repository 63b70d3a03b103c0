package dev.vigil.identity.users;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The password change page, and the rule that a session whose password must change can do
 * nothing else (in particular, get no authorization code) until it has. Wrong current
 * passwords are throttled like failed sign-ins; a change ends the user's other sessions
 * and grants ({@link PasswordChanged}).
 */
@Controller
public class PasswordChange {

	/** Session attribute set at sign-in when the account's password must change. */
	public static final String MUST_CHANGE = "vigil.mustChangePassword";

	static final String PATH = "/account/password";

	private final UserAccounts accounts;

	private final Path initialPasswordFile;

	private final RequestCache requestCache = new HttpSessionRequestCache();

	private final ChangeAttempts attempts;

	private final ApplicationEventPublisher events;

	PasswordChange(UserAccounts accounts, InitialAdmin initialAdmin, ChangeAttempts attempts,
			ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.initialPasswordFile = initialAdmin.passwordFile();
		this.attempts = attempts;
		this.events = events;
	}

	/** Whether the user must change the password before going on. */
	public boolean mustChange(String username) {
		return this.accounts.find(username).map(UserAccount::mustChangePassword).orElse(false);
	}

	@GetMapping(PATH)
	String form(Model model, HttpSession session) {
		model.addAttribute("forced", Boolean.TRUE.equals(session.getAttribute(MUST_CHANGE)));
		return "password";
	}

	@PostMapping(PATH)
	String change(Authentication user, @RequestParam String current, @RequestParam String password,
			@RequestParam String confirmation, HttpServletRequest request, HttpServletResponse response, Model model)
			throws IOException {
		String source = request.getRemoteAddr();
		Optional<Duration> locked = this.attempts.lockedFor(user.getName(), source);
		String error;
		if (locked.isPresent()) {
			error = "Too many wrong passwords: try again in " + Math.max(1, locked.get().toSeconds()) + " seconds.";
		}
		else {
			error = this.accounts.changePassword(user.getName(), current, password, confirmation, source);
			if (UserAccounts.WRONG_CURRENT.equals(error)) {
				this.attempts.failed(user.getName(), source);
			}
		}
		if (error != null) {
			model.addAttribute("error", error);
			model.addAttribute("forced", Boolean.TRUE.equals(request.getSession().getAttribute(MUST_CHANGE)));
			return "password";
		}
		request.getSession().removeAttribute(MUST_CHANGE);
		this.events.publishEvent(new PasswordChanged(user.getName(), request.getSession().getId()));
		if (InitialAdmin.USERNAME.equals(user.getName())) {
			// The generated password is no longer valid; do not leave it on disk.
			Files.deleteIfExists(this.initialPasswordFile);
		}
		// Back to where the sign-in started (e.g. the authorization request), never to a
		// URL taken from a parameter.
		SavedRequest saved = this.requestCache.getRequest(request, response);
		if (saved != null) {
			this.requestCache.removeRequest(request, response);
			return "redirect:" + saved.getRedirectUrl();
		}
		return "redirect:/?passwordChanged";
	}

	/**
	 * A filter for each security chain (before the authorization endpoint) that sends a
	 * session whose password must change to the change page.
	 */
	public static OncePerRequestFilter requiredFilter() {
		return new RequiredFilter();
	}

	/** Sends a session whose password must change to the change page. */
	static final class RequiredFilter extends OncePerRequestFilter {

		private final RequestCache requestCache = new HttpSessionRequestCache();

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			HttpSession session = request.getSession(false);
			if (session == null || !Boolean.TRUE.equals(session.getAttribute(MUST_CHANGE)) || allowed(request)) {
				chain.doFilter(request, response);
				return;
			}
			if ("GET".equals(request.getMethod())) {
				this.requestCache.saveRequest(request, response);
				response.sendRedirect(request.getContextPath() + PATH);
				return;
			}
			response.sendError(HttpServletResponse.SC_FORBIDDEN, "Password change required");
		}

		private static boolean allowed(HttpServletRequest request) {
			String path = pathWithinApplication(request);
			return path.equals(PATH) || path.equals("/login") || path.equals("/logout") || path.startsWith("/css/")
					|| path.equals("/error") || path.startsWith("/actuator/");
		}

		private static String pathWithinApplication(HttpServletRequest request) {
			@Nullable String uri = request.getRequestURI();
			String context = request.getContextPath();
			return (uri != null && uri.startsWith(context)) ? uri.substring(context.length()) : String.valueOf(uri);
		}

	}

}
