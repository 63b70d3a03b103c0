package dev.vigil.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.vigil.devstack.Component;
import dev.vigil.devstack.Infrastructure;
import dev.vigil.devstack.VigilInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway on real Redis in front of three real HTTP servers standing in for
 * catalog-api, identity-service and the ui.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@VigilInfrastructure
class GatewayIT {

	static final int PORT = freePort();

	static final String BASE = "http://localhost:" + PORT;

	static final int MANAGEMENT_PORT = freePort();

	static final Downstream catalog = Downstream.echo("catalog-api");

	static final Downstream identity = Downstream.echo("identity-service");

	static final Downstream ui = Downstream.echo("ui");

	static final Downstream notification = Downstream.echo("notification-service");

	static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("management.server.port", () -> MANAGEMENT_PORT);
		registry.add("vigil.gateway.routes.catalog-uri", catalog::uri);
		registry.add("vigil.gateway.routes.identity-uri", identity::uri);
		registry.add("vigil.gateway.routes.ui-uri", ui::uri);
		registry.add("vigil.gateway.routes.notification-uri", notification::uri);
		registry.add("vigil.gateway.rate-limit.per-client", () -> 3);
		registry.add("vigil.gateway.rate-limit.window", () -> "1h");
	}

	@AfterAll
	static void stopDownstreams() {
		catalog.close();
		identity.close();
		ui.close();
		notification.close();
	}

	@Test
	void routesApiToCatalogIssuerPathsToIdentityAndEverythingElseToTheUi() {
		assertThat(echo(get("/api/v1/media?camera=porch")).get("service").asString()).isEqualTo("catalog-api");
		assertThat(echo(get("/api/v1/media?camera=porch")).get("path").asString())
			.isEqualTo("/api/v1/media?camera=porch");
		JsonNode auth = echo(get("/auth/.well-known/openid-configuration"));
		assertThat(auth.get("service").asString()).isEqualTo("identity-service");
		assertThat(auth.get("path").asString()).isEqualTo("/.well-known/openid-configuration");
		assertThat(auth.get("headers").get("x-forwarded-prefix").asString()).isEqualTo("/auth");
		assertThat(echo(get("/events/today")).get("service").asString()).isEqualTo("ui");
		assertThat(echo(get("/")).get("service").asString()).isEqualTo("ui");
	}

	@Test
	void routesTheOpenApiDocumentsAndSwaggerUiToTheServicesThatServeThem() {
		for (String path : new String[] { "/api/openapi", "/api/openapi.yaml", "/api/openapi/swagger-config",
				"/api/swagger-ui.html", "/api/swagger-ui/index.html" }) {
			JsonNode echo = echo(get(path));
			assertThat(echo.get("service").asString()).as(path).isEqualTo("catalog-api");
			assertThat(echo.get("path").asString()).as("passed on unchanged").isEqualTo(path);
		}
		JsonNode notifications = echo(get("/api/v1/notifications/openapi"));
		assertThat(notifications.get("service").asString()).isEqualTo("notification-service");
		assertThat(notifications.get("path").asString()).isEqualTo("/api/v1/notifications/openapi");
		assertThat(echo(get("/api/v1/notifications/rules")).get("service").asString())
			.isEqualTo("notification-service");
	}

	@Test
	void keepsTheHostAndTellsDownstreamTheRealClientAndScheme() {
		JsonNode headers = echo(send(request("/api/v1/media").header("X-Forwarded-For", "203.0.113.66")
			.header("X-Forwarded-Host", "evil.example"))).get("headers");

		assertThat(headers.get("host").asString()).isEqualTo("localhost:" + PORT);
		assertThat(headers.get("x-forwarded-host").asString()).isEqualTo("localhost:" + PORT);
		assertThat(headers.get("x-forwarded-proto").asString()).isEqualTo("http");
		assertThat(headers.get("x-forwarded-for").asString()).isEqualTo("127.0.0.1").doesNotContain("203.0.113.66");
	}

	@Test
	void propagatesARequestIdDownstreamAndBack() {
		HttpResponse<String> response = get("/api/v1/media");
		String id = response.headers().firstValue("X-Request-Id").orElseThrow();

		assertThat(echo(response).get("headers").get("x-request-id").asString()).isEqualTo(id);
		HttpResponse<String> given = send(request("/api/v1/media").header("X-Request-Id", "integrator-trace-42"));
		assertThat(given.headers().firstValue("X-Request-Id")).hasValue("integrator-trace-42");
	}

	@Test
	void addsSecurityHeadersToProxiedResponses() {
		HttpResponse<String> response = get("/");

		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("frame-ancestors 'none'");
		assertThat(response.headers().firstValue("Strict-Transport-Security")).as("plain HTTP: no HSTS").isEmpty();
	}

	@Test
	void rejectsOversizedHeadersAndBodies() {
		HttpResponse<String> bigHeader = send(request("/api/v1/media").header("X-Padding", "a".repeat(20_000)));
		assertThat(bigHeader.statusCode()).isEqualTo(431);

		HttpResponse<String> bigBody = send(request("/api/v1/media").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("x".repeat(2 * 1024 * 1024))));
		assertThat(bigBody.statusCode()).isEqualTo(413);
		assertThat(bigBody.headers().firstValue("Content-Type")).hasValue("application/problem+json");

		HttpResponse<String> smallBody = send(request("/api/v1/media").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"ok\":true}")));
		assertThat(echo(smallBody).get("bodyBytes").asInt()).isEqualTo(11);
	}

	@Test
	void limitsRequestsPerTokenWith429AndRetryAfter() {
		String token = "Bearer " + UUID.randomUUID();
		for (int i = 0; i < 3; i++) {
			assertThat(send(request("/api/v1/media").header("Authorization", token)).statusCode()).isEqualTo(200);
		}

		HttpResponse<String> limited = send(request("/api/v1/media").header("Authorization", token));

		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);
		assertThat(Downstream.JSON.readTree(limited.body()).get("type").asString())
			.isEqualTo("https://vigil.dev/problems/rate-limited");
		assertThat(send(request("/api/v1/media").header("Authorization", "Bearer " + UUID.randomUUID())).statusCode())
			.as("another token has its own budget")
			.isEqualTo(200);
	}

	@Test
	void keepsServingWhenRedisIsDown(Infrastructure infrastructure) {
		infrastructure.stop(Component.REDIS);
		try {
			assertThat(
					send(request("/api/v1/media").header("Authorization", "Bearer " + UUID.randomUUID())).statusCode())
				.isEqualTo(200);
		}
		finally {
			infrastructure.start(Component.REDIS);
		}
	}

	@Test
	void reportsHealthAndGatewayMetrics() {
		get("/api/v1/media");
		HttpResponse<String> health = send(request("/actuator/health/readiness"));
		assertThat(health.statusCode()).as("health stays on the public port for load balancers").isEqualTo(200);
		assertThat(
				send(HttpRequest.newBuilder(URI.create("http://localhost:" + MANAGEMENT_PORT + "/actuator/prometheus")))
					.body())
			.contains("spring_cloud_gateway_requests_seconds_count", "routeId=\"catalog-api\"");
	}

	@Test
	void servesNoMetricsOnThePublicPortNeitherItsOwnNorAServicesBehindARoute() {
		for (String path : java.util.List.of("/actuator/prometheus", "/actuator/env", "/auth/actuator/prometheus",
				"/api/actuator/prometheus", "/Actuator/prometheus")) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertProblem(response, "https://vigil.dev/problems/not-found");
		}
		assertThat(identity.requests()).as("nothing reached identity-service's actuator")
			.noneMatch((path) -> path.contains("actuator"));
	}

	@Test
	void answersHostileRequestLinesWithItsProblemInsteadOfPassingThemOn() {
		for (String method : java.util.List.of("TRACE", "PROPFIND", "CONNECTX")) {
			HttpResponse<String> response = send(
					request("/api/v1/media").method(method, HttpRequest.BodyPublishers.noBody()));
			assertThat(response.statusCode()).as(method).isEqualTo(405);
			assertThat(response.headers().firstValue("Allow"))
				.hasValueSatisfying((allow) -> assertThat(allow).contains("GET").doesNotContain("TRACE"));
			assertProblem(response, "https://vigil.dev/problems/method-not-allowed");
		}
		for (String path : java.util.List.of("/api/v1/media%2F..%2Faudit", "/auth/a%5Cb", "/x%00y", "/a%252Fb",
				"/api/v1/media/%0d%0aSet-Cookie:x")) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(400);
			assertProblem(response, "https://vigil.dev/problems/invalid-request");
		}
		HttpResponse<String> longUri = get("/api/v1/media?camera=" + "a".repeat(9000));
		assertThat(longUri.statusCode()).isEqualTo(414);
		assertProblem(longUri, "https://vigil.dev/problems/uri-too-long");
		assertThat(catalog.requests()).as("none of them reached catalog-api")
			.noneMatch((path) -> path.contains("%") || path.length() > 8000);
	}

	private static void assertProblem(HttpResponse<String> response, String type) {
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = Downstream.JSON.readTree(response.body());
		assertThat(problem.get("type").asString()).isEqualTo(type);
		assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
		assertThat(problem.get("requestId").asString()).isNotBlank();
	}

	static HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(BASE + path));
	}

	static HttpResponse<String> get(String path) {
		return send(request(path));
	}

	static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode echo(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Downstream.JSON.readTree(response.body());
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
