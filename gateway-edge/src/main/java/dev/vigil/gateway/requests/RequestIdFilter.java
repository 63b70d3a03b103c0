package dev.vigil.gateway.requests;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * First filter of every request: gives it an {@code X-Request-Id} (keeps a well-formed
 * one from the client, otherwise a new UUID), passes it downstream and back in the
 * response, and writes one access-log line when the response completes. Also drops
 * forwarding headers sent by clients unless the gateway sits behind a trusted proxy, so a
 * client cannot pose as another address towards rate limits and the sign-in throttle.
 */
public final class RequestIdFilter implements WebFilter, Ordered {

	public static final String HEADER = "X-Request-Id";

	/** Exchange attribute holding the request id, for other filters. */
	public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

	private static final Logger accessLog = LoggerFactory.getLogger("dev.vigil.gateway.access");

	private final boolean trustForwardedHeaders;

	public RequestIdFilter(boolean trustForwardedHeaders) {
		this.trustForwardedHeaders = trustForwardedHeaders;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long start = System.nanoTime();
		String requestId = requestId(exchange.getRequest().getHeaders().getFirst(HEADER));
		ServerHttpRequest request = exchange.getRequest().mutate().headers((headers) -> {
			headers.set(HEADER, requestId);
			if (!this.trustForwardedHeaders) {
				headers.remove("Forwarded");
				headers.remove("X-Forwarded-For");
				headers.remove("X-Forwarded-Host");
				headers.remove("X-Forwarded-Port");
				headers.remove("X-Forwarded-Proto");
				headers.remove("X-Forwarded-Prefix");
				headers.remove("X-Real-IP");
			}
		}).build();
		exchange.getAttributes().put(ATTRIBUTE, requestId);
		exchange.getResponse().getHeaders().set(HEADER, requestId);
		ServerWebExchange mutated = exchange.mutate().request(request).build();
		return chain.filter(mutated).doFinally((signal) -> log(mutated, requestId, start));
	}

	static String requestId(@Nullable String offered) {
		return (offered != null && VALID.matcher(offered).matches()) ? offered : UUID.randomUUID().toString();
	}

	private static void log(ServerWebExchange exchange, String requestId, long start) {
		if (!accessLog.isInfoEnabled()) {
			return;
		}
		ServerHttpRequest request = exchange.getRequest();
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		long millis = (System.nanoTime() - start) / 1_000_000;
		String client = (request.getRemoteAddress() != null && request.getRemoteAddress().getAddress() != null)
				? request.getRemoteAddress().getAddress().getHostAddress() : "-";
		accessLog.info("{} {} {} {} {}ms client={} request_id={}", request.getMethod(), request.getPath().value(),
				(status != null) ? status.value() : 0, request.getHeaders().getContentLength(), millis, client,
				requestId);
	}

}
