package dev.vigil.ui.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The theme switch. A form post (CSRF-protected) so it works without JavaScript; app.js
 * posts it in the background and flips the theme in place.
 */
@Controller
class PreferencesController {

	@PostMapping("/preferences/theme")
	String theme(@RequestParam String theme, @RequestParam(required = false) @Nullable String back,
			HttpServletResponse response) {
		ResponseCookie cookie = ResponseCookie.from(LayoutModel.THEME_COOKIE, LayoutModel.theme(theme))
			.path("/")
			.maxAge(Duration.ofDays(365))
			.sameSite("Lax")
			.httpOnly(true)
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		return "redirect:" + safeBack(back);
	}

	/** Only a local path: never an open redirect. */
	static String safeBack(@Nullable String back) {
		if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\") || back.contains("\r")
				|| back.contains("\n")) {
			return "/";
		}
		return back;
	}

}
