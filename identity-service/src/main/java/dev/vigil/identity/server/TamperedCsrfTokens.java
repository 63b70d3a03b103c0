package dev.vigil.identity.server;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Spring Security's default (BREACH-masked) CSRF handling, except that a token whose
 * unmasked bytes are not UTF-8 counts as a wrong token: Spring's {@code Utf8.decode}
 * throws on it, which answered a hand-edited form with a 500 instead of the 403 every
 * other wrong token gets.
 */
final class TamperedCsrfTokens implements CsrfTokenRequestHandler {

	private final XorCsrfTokenRequestAttributeHandler delegate = new XorCsrfTokenRequestAttributeHandler();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
		this.delegate.handle(request, response, csrfToken);
	}

	@Override
	public @Nullable String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
		try {
			return this.delegate.resolveCsrfTokenValue(request, csrfToken);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
