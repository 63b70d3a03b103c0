package dev.vigil.gateway.requests;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Rejects bodies over the limit: at once with {@code 413} when {@code Content-Length}
 * says so, and for chunked bodies by failing the stream as soon as the limit is passed
 * (the upstream call is then aborted).
 */
final class BodySizeFilter implements WebFilter, Ordered {

	private final long maxBytes;

	BodySizeFilter(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 15;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long declared = exchange.getRequest().getHeaders().getContentLength();
		if (declared > this.maxBytes) {
			return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, Problems.TOO_LARGE, "Request too large",
					"Request body is " + declared + " bytes; the limit is " + this.maxBytes);
		}
		if (declared >= 0) {
			return chain.filter(exchange);
		}
		ServerHttpRequest limited = new ServerHttpRequestDecorator(exchange.getRequest()) {

			@Override
			public Flux<DataBuffer> getBody() {
				AtomicLong seen = new AtomicLong();
				long max = BodySizeFilter.this.maxBytes;
				return super.getBody().doOnNext((buffer) -> {
					if (seen.addAndGet(buffer.readableByteCount()) > max) {
						DataBufferUtils.release(buffer);
						throw new BodyTooLarge(max);
					}
				});
			}

		};
		return chain.filter(exchange.mutate().request(limited).build())
			.onErrorResume(BodyTooLarge.class,
					(ex) -> exchange.getResponse().isCommitted() ? Mono.error(ex) : Problems.write(exchange,
							HttpStatus.CONTENT_TOO_LARGE, Problems.TOO_LARGE, "Request too large", ex.getMessage()));
	}

	static final class BodyTooLarge extends RuntimeException {

		BodyTooLarge(long max) {
			super("Request body exceeds the limit of " + max + " bytes");
		}

	}

}
