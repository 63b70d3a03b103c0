package dev.vigil.gateway.requests;

import java.net.ConnectException;
import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Errors of the gateway itself (a service down, a timeout, a request the framework
 * refuses) as the gateway's problem document, not Boot's default error JSON; runs before
 * Boot's handler. The cause goes to the log, never to the client.
 */
final class ProblemErrorHandler implements ErrorWebExceptionHandler, Ordered {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

	private static final URI INTERNAL = URI.create("https://vigil.dev/problems/internal-error");

	@Override
	public int getOrder() {
		return -2;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		if (ex instanceof ResponseStatusException status) {
			HttpStatus code = HttpStatus.resolve(status.getStatusCode().value());
			if (code == null) {
				code = HttpStatus.BAD_GATEWAY;
			}
			return Problems.write(exchange, code, type(code), code.getReasonPhrase(), detail(code));
		}
		if (ex instanceof ConnectException || ex.getCause() instanceof ConnectException) {
			log.warn("{} {}: service unreachable: {}", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath(), ex.getMessage());
			return Problems.write(exchange, HttpStatus.BAD_GATEWAY, Problems.UNAVAILABLE, "Service unavailable",
					"The service behind this path is not reachable; retry later");
		}
		log.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
		return Problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL, "Internal error",
				"The gateway could not handle this request");
	}

	private static URI type(HttpStatus code) {
		return switch (code) {
			case NOT_FOUND -> Problems.NOT_FOUND;
			case METHOD_NOT_ALLOWED -> Problems.METHOD_NOT_ALLOWED;
			case URI_TOO_LONG -> Problems.URI_TOO_LONG;
			case CONTENT_TOO_LARGE -> Problems.TOO_LARGE;
			case SERVICE_UNAVAILABLE, BAD_GATEWAY, GATEWAY_TIMEOUT -> Problems.UNAVAILABLE;
			default -> code.is4xxClientError() ? Problems.INVALID_REQUEST : INTERNAL;
		};
	}

	private static String detail(HttpStatus code) {
		return code.is5xxServerError() ? "The service behind this path did not answer; retry later"
				: "The request was refused: " + code.getReasonPhrase();
	}

}
