package dev.vigil.ui.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.vigil.ui.security.AccessProperties;

/**
 * What every page's layout needs: who is signed in, whether they see the admin menu, the
 * theme, and the current path for the navigation highlight.
 */
@ControllerAdvice
class LayoutModel {

	static final String THEME_COOKIE = "vigil_theme";

	private final AccessProperties access;

	LayoutModel(AccessProperties access) {
		this.access = access;
	}

	@ModelAttribute("currentUser")
	@Nullable CurrentUser currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
			return null;
		}
		String name = firstNonBlank(user.getPreferredUsername(), user.getFullName(), user.getEmail(),
				user.getSubject());
		boolean admin = authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> ("ROLE_" + this.access.adminRole()).equals(authority.getAuthority()));
		return new CurrentUser(name, admin);
	}

	@ModelAttribute("theme")
	String theme(HttpServletRequest request) {
		return theme(cookie(request, THEME_COOKIE));
	}

	@ModelAttribute("path")
	String path(HttpServletRequest request) {
		return request.getRequestURI();
	}

	static String theme(@Nullable String value) {
		return ("dark".equals(value) || "light".equals(value)) ? value : "auto";
	}

	static @Nullable String cookie(HttpServletRequest request, String name) {
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (name.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

	private static String firstNonBlank(@Nullable String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return "user";
	}

	/**
	 * The signed-in user, as the layout shows them.
	 *
	 * @param name display name
	 * @param admin whether the admin menu is shown
	 */
	record CurrentUser(String name, boolean admin) {

	}

}
