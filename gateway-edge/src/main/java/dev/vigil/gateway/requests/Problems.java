package dev.vigil.gateway.requests;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;

/** RFC 9457 problem documents written by the gateway's own filters. */
public final class Problems {

	public static final URI RATE_LIMITED = URI.create("https://vigil.dev/problems/rate-limited");

	public static final URI TOO_LARGE = URI.create("https://vigil.dev/problems/request-too-large");

	public static final URI METHOD_NOT_ALLOWED = URI.create("https://vigil.dev/problems/method-not-allowed");

	public static final URI URI_TOO_LONG = URI.create("https://vigil.dev/problems/uri-too-long");

	public static final URI INVALID_REQUEST = URI.create("https://vigil.dev/problems/invalid-request");

	public static final URI NOT_FOUND = URI.create("https://vigil.dev/problems/not-found");

	public static final URI UNAVAILABLE = URI.create("https://vigil.dev/problems/unavailable");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Problems() {
	}

	public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, URI type, String title,
			String detail) {
		ObjectNode body = JSON.createObjectNode();
		body.put("type", type.toString());
		body.put("title", title);
		body.put("status", status.value());
		body.put("detail", detail);
		body.put("instance", exchange.getRequest().getPath().value());
		Object requestId = exchange.getAttribute(RequestIdFilter.ATTRIBUTE);
		if (requestId != null) {
			body.put("requestId", requestId.toString());
		}
		byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
		exchange.getResponse().setStatusCode(status);
		exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		exchange.getResponse().getHeaders().setContentLength(bytes.length);
		DataBuffer buffer = exchange.getResponse().bufferFactory().wrap(bytes);
		return exchange.getResponse().writeWith(Mono.just(buffer));
	}

}
