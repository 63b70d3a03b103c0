package dev.vigil.gateway.headers;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Adds security headers just before the response is committed, to proxied responses and
 * the gateway's own (errors, 429, actuator) alike. HSTS only goes out over HTTPS: sent on
 * plain HTTP it would be ignored, and a wrong one locks browsers out of a dev setup.
 */
final class SecurityHeadersFilter implements WebFilter, Ordered {

	private final SecurityHeadersProperties properties;

	private final boolean trustForwardedProto;

	SecurityHeadersFilter(SecurityHeadersProperties properties, boolean trustForwardedProto) {
		this.properties = properties;
		this.trustForwardedProto = trustForwardedProto;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		boolean secure = isSecure(exchange);
		exchange.getResponse().beforeCommit(() -> {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			headers.set("X-Content-Type-Options", "nosniff");
			setIfAbsent(headers, "X-Frame-Options", this.properties.frameOptions());
			setIfAbsent(headers, "Referrer-Policy", this.properties.referrerPolicy());
			setIfAbsent(headers, "Content-Security-Policy", this.properties.contentSecurityPolicy());
			if (secure) {
				setIfAbsent(headers, "Strict-Transport-Security",
						"max-age=" + this.properties.hstsMaxAge().toSeconds() + "; includeSubDomains");
			}
			else {
				headers.remove("Strict-Transport-Security");
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	private boolean isSecure(ServerWebExchange exchange) {
		if (exchange.getRequest().getSslInfo() != null) {
			return true;
		}
		return this.trustForwardedProto
				&& "https".equalsIgnoreCase(exchange.getRequest().getHeaders().getFirst("X-Forwarded-Proto"));
	}

	private static void setIfAbsent(HttpHeaders headers, String name, String value) {
		if (!headers.containsHeader(name)) {
			headers.set(name, value);
		}
	}

}
