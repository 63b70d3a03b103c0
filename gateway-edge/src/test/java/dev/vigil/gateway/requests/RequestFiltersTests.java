package dev.vigil.gateway.requests;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFiltersTests {

	/** Stands in for the proxy: reads the whole body and echoes what it received. */
	static final WebHandler ECHO = (ServerWebExchange exchange) -> DataBufferUtils.join(exchange.getRequest().getBody())
		.map((buffer) -> {
			int size = buffer.readableByteCount();
			DataBufferUtils.release(buffer);
			return size;
		})
		.defaultIfEmpty(0)
		.flatMap((size) -> {
			exchange.getResponse()
				.getHeaders()
				.set("X-Seen-Request-Id", exchange.getRequest().getHeaders().getFirst(RequestIdFilter.HEADER));
			exchange.getResponse()
				.getHeaders()
				.set("X-Seen-Forwarded-For",
						String.valueOf(exchange.getRequest().getHeaders().getFirst("X-Forwarded-For")));
			exchange.getResponse().getHeaders().set("X-Seen-Bytes", Integer.toString(size));
			return exchange.getResponse().setComplete();
		});

	WebTestClient client(boolean trustForwarded) {
		return WebTestClient.bindToWebHandler(ECHO)
			.webFilter(new RequestIdFilter(trustForwarded), new BodySizeFilter(1024))
			.build();
	}

	@Test
	void givesEveryRequestAnIdAndPassesItDownstream() {
		client(false).get()
			.uri("/api/v1/media")
			.exchange()
			.expectHeader()
			.value(RequestIdFilter.HEADER, (id) -> assertThat(id).matches("[0-9a-f-]{36}"))
			.expectHeader()
			.value("X-Seen-Request-Id", (seen) -> assertThat(seen).matches("[0-9a-f-]{36}"));
	}

	@Test
	void keepsAWellFormedIdFromTheCallerAndReplacesAnInjectedOne() {
		client(false).get()
			.uri("/")
			.header(RequestIdFilter.HEADER, "trace-1234abcd")
			.exchange()
			.expectHeader()
			.valueEquals(RequestIdFilter.HEADER, "trace-1234abcd");
		client(false).get()
			.uri("/")
			.header(RequestIdFilter.HEADER, "x\r\nSet-Cookie: a=b")
			.exchange()
			.expectHeader()
			.value(RequestIdFilter.HEADER, (id) -> assertThat(id).matches("[0-9a-f-]{36}"));
	}

	@Test
	void dropsForwardingHeadersFromUntrustedCallers() {
		client(false).get()
			.uri("/")
			.header("X-Forwarded-For", "10.9.8.7")
			.exchange()
			.expectHeader()
			.valueEquals("X-Seen-Forwarded-For", "null");
		client(true).get()
			.uri("/")
			.header("X-Forwarded-For", "10.9.8.7")
			.exchange()
			.expectHeader()
			.valueEquals("X-Seen-Forwarded-For", "10.9.8.7");
	}

	@Test
	void rejectsADeclaredOversizedBodyWith413ProblemBeforeReadingIt() {
		client(false).post()
			.uri("/api/v1/media")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("x".repeat(2048))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(Problems.TOO_LARGE.toString())
			.jsonPath("$.requestId")
			.exists();
	}

	@Test
	void acceptsABodyWithinTheLimit() {
		client(false).post()
			.uri("/api/v1/media")
			.bodyValue("x".repeat(1024))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Seen-Bytes", "1024");
	}

	@Test
	void failsAChunkedBodyOnceItPassesTheLimit() {
		client(false).post()
			.uri("/api/v1/media")
			.body(reactor.core.publisher.Flux.fromIterable(List.of("a".repeat(600), "b".repeat(600)))
				.map((chunk) -> org.springframework.core.io.buffer.DefaultDataBufferFactory.sharedInstance
					.wrap(chunk.getBytes())), org.springframework.core.io.buffer.DataBuffer.class)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
	}

}
