package dev.vigil.identity.proxy;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies forwarded headers (through Spring's {@link ForwardedHeaderFilter}) only when
 * the TCP peer is a trusted proxy. Any other peer's {@code Forwarded} and
 * {@code X-Forwarded-*} headers are hidden from the rest of the application: a client
 * calling this service's port directly cannot pick the address its failed sign-ins are
 * counted and audited under, nor the host its redirects point to.
 */
final class TrustedProxyFilter extends OncePerRequestFilter {

	private final List<IpAddressMatcher> trusted;

	private final ForwardedHeaderFilter forwarded = new ForwardedHeaderFilter();

	TrustedProxyFilter(List<String> trustedProxies) {
		this.trusted = trustedProxies.stream()
			.map(String::strip)
			.filter((s) -> !s.isEmpty())
			.map(IpAddressMatcher::new)
			.toList();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (trusted(request.getRemoteAddr())) {
			this.forwarded.doFilter(request, response, chain);
		}
		else {
			chain.doFilter(new WithoutForwardedHeaders(request), response);
		}
	}

	boolean trusted(String address) {
		for (IpAddressMatcher matcher : this.trusted) {
			if (matcher.matches(address)) {
				return true;
			}
		}
		return false;
	}

	static boolean isForwardedHeader(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.equals("forwarded") || lower.startsWith("x-forwarded-");
	}

	private static final class WithoutForwardedHeaders extends HttpServletRequestWrapper {

		WithoutForwardedHeaders(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable String getHeader(String name) {
			return isForwardedHeader(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return isForwardedHeader(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			return Collections.enumeration(Collections.list(super.getHeaderNames())
				.stream()
				.filter((name) -> !isForwardedHeader(name))
				.toList());
		}

	}

}
