package dev.vigil.gateway.headers;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebHandler;

class SecurityHeadersFilterTests {

	static final SecurityHeadersProperties PROPERTIES = new SecurityHeadersProperties("default-src 'self'",
			Duration.ofDays(365), "DENY", "no-referrer");

	WebTestClient client(WebHandler handler, boolean trustForwardedProto) {
		return WebTestClient.bindToWebHandler(handler)
			.webFilter(new SecurityHeadersFilter(PROPERTIES, trustForwardedProto))
			.build();
	}

	static final WebHandler OK = (exchange) -> exchange.getResponse().setComplete();

	@Test
	void addsNosniffFrameDenialCspAndReferrerPolicy() {
		client(OK, false).get()
			.uri("/")
			.exchange()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY")
			.expectHeader()
			.valueEquals("Content-Security-Policy", "default-src 'self'")
			.expectHeader()
			.valueEquals("Referrer-Policy", "no-referrer");
	}

	@Test
	void sendsNoHstsOverPlainHttpEvenIfDownstreamDid() {
		WebHandler downstreamHsts = (exchange) -> {
			exchange.getResponse().getHeaders().set("Strict-Transport-Security", "max-age=1");
			return exchange.getResponse().setComplete();
		};
		client(downstreamHsts, false).get()
			.uri("/")
			.exchange()
			.expectHeader()
			.doesNotExist("Strict-Transport-Security");
	}

	@Test
	void sendsHstsWhenATrustedProxyTerminatedTls() {
		client(OK, true).get()
			.uri("/")
			.header("X-Forwarded-Proto", "https")
			.exchange()
			.expectHeader()
			.valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
		client(OK, false).get()
			.uri("/")
			.header("X-Forwarded-Proto", "https")
			.exchange()
			.expectHeader()
			.doesNotExist("Strict-Transport-Security");
	}

	@Test
	void keepsAStricterPolicyFromTheService() {
		WebHandler identity = (exchange) -> {
			exchange.getResponse().getHeaders().set("Content-Security-Policy", "default-src 'none'");
			return exchange.getResponse().setComplete();
		};
		client(identity, false).get()
			.uri("/")
			.exchange()
			.expectHeader()
			.valueEquals("Content-Security-Policy", "default-src 'none'");
	}

}
