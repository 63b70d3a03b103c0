package dev.vigil.gateway.requests;

import java.util.Set;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses request lines no Vigil service answers, with the gateway's problem document
 * instead of whatever the service behind would send (Tomcat's HTML page, Netty's empty
 * 414, an echo of {@code TRACE}): methods outside the API's, an encoded {@code /},
 * {@code \} or NUL or a control character in the path (read differently by the gateway
 * and the service), and URIs longer than the limit.
 */
final class RequestLineFilter implements WebFilter, Ordered {

	static final Set<HttpMethod> METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
			HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

	/** Encoded control characters, DEL, {@code /}, {@code \} and {@code %} itself. */
	private static final Pattern ENCODED = Pattern.compile("%(?:[01][0-9a-f]|7f|2f|5c|25)", Pattern.CASE_INSENSITIVE);

	private static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

	private final int maxUriLength;

	RequestLineFilter(int maxUriLength) {
		this.maxUriLength = maxUriLength;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 5;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!METHODS.contains(exchange.getRequest().getMethod())) {
			exchange.getResponse().getHeaders().set("Allow", ALLOW);
			return Problems.write(exchange, HttpStatus.METHOD_NOT_ALLOWED, Problems.METHOD_NOT_ALLOWED,
					"Method not allowed", exchange.getRequest().getMethod().name() + " is not supported");
		}
		String uri = exchange.getRequest().getURI().getRawPath();
		String query = exchange.getRequest().getURI().getRawQuery();
		int length = uri.length() + ((query != null) ? query.length() + 1 : 0);
		if (length > this.maxUriLength) {
			return Problems.write(exchange, HttpStatus.URI_TOO_LONG, Problems.URI_TOO_LONG, "URI too long",
					"The URI is " + length + " characters; the limit is " + this.maxUriLength);
		}
		if (!plainPath(uri)) {
			return Problems.write(exchange, HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, "Invalid path",
					"The path holds an encoded slash, backslash, NUL or control character");
		}
		return chain.filter(exchange);
	}

	static boolean plainPath(String rawPath) {
		if (ENCODED.matcher(rawPath).find()) {
			return false;
		}
		return rawPath.chars().noneMatch((c) -> c < 0x20 || c == 0x7f || c == '\\');
	}

}
