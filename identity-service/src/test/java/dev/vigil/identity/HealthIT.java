package dev.vigil.identity;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthIT extends IdentityIntegrationTest {

	@Test
	void reportsHealthUpWithMongoAndRedisAndExposesProbesAndMetrics() {
		try (Browser browser = new Browser(BASE)) {
			HttpResponse<String> health = browser.api("/actuator/health");
			assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
			assertThat(health.body()).contains("\"status\":\"UP\"");
			assertThat(browser.api("/actuator/health/readiness").statusCode()).isEqualTo(200);
			assertThat(browser.api("/actuator/health/liveness").statusCode()).isEqualTo(200);
			assertThat(browser.api("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
		}
	}

	@Test
	void theSignInPageIsServedWithAStrictContentSecurityPolicy() {
		try (Browser browser = new Browser(BASE)) {
			HttpResponse<String> page = browser.get("/login");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("Sign in to your cameras", "name=\"_csrf\"");
			assertThat(page.headers().firstValue("Content-Security-Policy"))
				.hasValueSatisfying((csp) -> assertThat(csp).contains("frame-ancestors 'none'", "form-action 'self'"));
			assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		}
	}

}
