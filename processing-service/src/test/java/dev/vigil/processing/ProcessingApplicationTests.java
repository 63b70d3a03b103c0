package dev.vigil.processing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.cloud.stream.binder.test.TestChannelBinderConfiguration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application starts with the in-memory test binder (no broker) and reports liveness.
 * Everything with real Kafka and S3 is in the {@code *IT} tests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "vigil.s3.endpoint=http://127.0.0.1:9", "vigil.s3.access-key=test",
				"vigil.s3.secret-key=test-secret",
				// Unit tests have no Kafka.
				"vigil.processing.detection.platform.follow=false" })
@Import(TestChannelBinderConfiguration.class)
class ProcessingApplicationTests {

	@Value("${local.server.port}")
	int port;

	@Test
	void reportsLivenessAndExposesPrometheusMetrics() throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<String> liveness = get(http, "/actuator/health/liveness");
			assertThat(liveness.statusCode()).isEqualTo(200);
			assertThat(liveness.body()).contains("\"status\":\"UP\"");
			HttpResponse<String> prometheus = get(http, "/actuator/prometheus");
			assertThat(prometheus.statusCode()).isEqualTo(200);
			assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
			// The CNN is the default detector, and it is the one running (no HOG
			// fallback).
			assertThat(prometheus.body()).contains(
					"vigil_processing_detector_active{detector=\"nanodet-m\",fallback=\"false\",requested=\"nanodet\"} 1");
		}
	}

	@Test
	void reportsNotReadyWhileTheBucketIsUnreachable() throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<String> readiness = get(http, "/actuator/health/readiness");
			assertThat(readiness.statusCode()).isEqualTo(503);
		}
	}

	private HttpResponse<String> get(HttpClient http, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
