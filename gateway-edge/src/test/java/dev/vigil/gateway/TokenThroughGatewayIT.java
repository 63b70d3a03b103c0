package dev.vigil.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.vigil.devstack.Infrastructure;
import dev.vigil.devstack.VigilInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real identity-service (its built jar, as a child process) behind the gateway, and a
 * downstream that verifies tokens the way catalog-api does: discovery and JWKS fetched
 * through the gateway from the issuer {@code <gateway>/auth}. Proves the issuer URL is
 * the same for browsers and services, that an integrator's token passes the gateway, and
 * that revoking the client stops new tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@VigilInfrastructure
class TokenThroughGatewayIT {

	static final Path IDENTITY_JAR = Path.of("..", "identity-service", "target", "identity-service.jar");

	static final int PORT = GatewayIT.freePort();

	static final int IDENTITY_PORT = GatewayIT.freePort();

	static final String BASE = "http://localhost:" + PORT;

	static final String ISSUER = BASE + "/auth";

	static final String UI_SECRET = "ui-secret-" + UUID.randomUUID();

	static final String UI_REDIRECT = "http://localhost:8080/login/oauth2/code/vigil";

	static final Path DATA = Path.of("target", "identity-child", UUID.randomUUID().toString()).toAbsolutePath();

	static final Downstream catalog = Downstream.handling("catalog-api", TokenThroughGatewayIT::verifyingCatalog);

	static final Downstream ui = Downstream.echo("ui");

	static volatile JwtDecoder decoder;

	static Process identity;

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("vigil.gateway.routes.catalog-uri", catalog::uri);
		registry.add("vigil.gateway.routes.identity-uri", () -> "http://127.0.0.1:" + IDENTITY_PORT);
		registry.add("vigil.gateway.routes.ui-uri", ui::uri);
	}

	@BeforeAll
	static void startIdentityService(Infrastructure infrastructure) throws Exception {
		assertThat(IDENTITY_JAR).as("identity-service must be packaged first (./mvnw verify -pl gateway-edge -am)")
			.exists();
		Files.createDirectories(DATA);
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
						IDENTITY_JAR.toAbsolutePath().toString(), "--server.port=" + IDENTITY_PORT,
						"--spring.profiles.active=devstack", "--spring.mongodb.uri=" + infrastructure.mongoUri(),
						"--spring.mongodb.database=gateway-it-" + UUID.randomUUID().toString().substring(0, 8),
						"--spring.data.redis.host=" + infrastructure.redisHost(),
						"--spring.data.redis.port=" + infrastructure.redisPort(), "--vigil.identity.issuer=" + ISSUER,
						"--vigil.identity.data-dir=" + DATA, "--vigil.identity.clients.ui.client-secret=" + UI_SECRET,
						"--vigil.identity.clients.ui.redirect-uris=" + UI_REDIRECT));
		identity = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(DATA.resolve("identity-service.log").toFile())
			.start();
		HttpClient probe = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (true) {
			assertThat(identity.isAlive()).as("identity-service exited; see " + DATA.resolve("identity-service.log"))
				.isTrue();
			try {
				if (probe
					.send(HttpRequest
						.newBuilder(URI.create("http://127.0.0.1:" + IDENTITY_PORT + "/actuator/health/readiness"))
						.build(), HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200 && Files.exists(DATA.resolve("demo-client.properties"))) {
					break;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			assertThat(Instant.now()).as("identity-service ready in 3 min").isBefore(deadline);
			Thread.sleep(500);
		}
	}

	@AfterAll
	static void stopAll() throws Exception {
		if (identity != null) {
			identity.destroy();
			identity.waitFor();
		}
		catalog.close();
		ui.close();
	}

	@Test
	void anIntegratorTokenFromTheIssuerReadsTheApiThroughTheGatewayUntilTheClientIsRevoked() throws Exception {
		Properties demo = new Properties();
		try (var reader = Files.newBufferedReader(DATA.resolve("demo-client.properties"))) {
			demo.load(reader);
		}
		String clientId = demo.getProperty("client-id");
		String secret = demo.getProperty("client-secret");
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		HttpResponse<String> token = clientCredentials(browser, clientId, secret);
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		String accessToken = json(token).get("access_token").asString();

		HttpResponse<String> media = send(browser,
				request("/api/v1/media").header("Authorization", "Bearer " + accessToken));
		assertThat(media.statusCode()).as(media.body()).isEqualTo(200);
		JsonNode seen = json(media);
		assertThat(seen.get("sub").asString()).isEqualTo(clientId);
		assertThat(seen.get("iss").asString()).isEqualTo(ISSUER);
		assertThat(seen.get("scope").toString()).contains("media:read");

		assertThat(send(browser, request("/api/v1/media").header("Authorization", "Bearer " + accessToken + "x"))
			.statusCode()).as("a tampered token is refused downstream").isEqualTo(401);

		JsonNode adminTokens = adminTokensThroughTheGateway(browser);
		String admin = adminTokens.get("access_token").asString();
		String idToken = adminTokens.get("id_token").asString();
		assertThat(send(browser, request("/api/v1/media").header("Authorization", "Bearer " + idToken)).statusCode())
			.as("the admin's ID token is no API key")
			.isEqualTo(401);
		assertThat(send(browser, request("/auth/admin/v1/clients").header("Authorization", "Bearer " + idToken))
			.statusCode()).as("nor for the admin API").isEqualTo(401);
		HttpResponse<String> revoked = send(browser,
				request("/auth/admin/v1/clients/" + clientId).header("Authorization", "Bearer " + admin).DELETE());
		assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
		assertThat(json(revoked).get("status").asString()).isEqualTo("REVOKED");

		HttpResponse<String> afterRevocation = clientCredentials(browser, clientId, secret);
		assertThat(afterRevocation.statusCode()).isEqualTo(401);
		assertThat(afterRevocation.body()).contains("invalid_client");
	}

	/**
	 * The first sign-in as the generated admin, the forced password change and the
	 * authorization code + PKCE flow, all through the gateway's /auth path.
	 */
	private static JsonNode adminTokensThroughTheGateway(HttpClient browser) throws Exception {
		String initial = Files.readString(DATA.resolve("admin-initial-password")).strip();
		HttpResponse<String> signIn = submit(browser, "/auth/login", "/auth/login",
				Map.of("username", "admin", "password", initial));
		assertThat(location(signIn)).isEqualTo(ISSUER + "/account/password");
		String chosen = "gateway admin passphrase " + UUID.randomUUID();
		HttpResponse<String> changed = submit(browser, "/auth/account/password", "/auth/account/password",
				Map.of("current", initial, "password", chosen, "confirmation", chosen));
		assertThat(location(changed)).startsWith(ISSUER + "/");

		byte[] random = new byte[32];
		new java.security.SecureRandom().nextBytes(random);
		String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		String challenge = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		HttpResponse<String> authorize = send(browser,
				request("/auth/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", "vigil-ui",
						"scope", "openid admin", "redirect_uri", UI_REDIRECT, "state", "s", "code_challenge", challenge,
						"code_challenge_method", "S256")))
					.header("Accept", "text/html"));
		Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location(authorize));
		assertThat(code.find()).as(location(authorize)).isTrue();
		HttpResponse<String> tokens = send(browser,
				request("/auth/oauth2/token").header("Authorization", basic("vigil-ui", UI_SECRET))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code",
							code.group(1), "redirect_uri", UI_REDIRECT, "code_verifier", verifier)))));
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		return json(tokens);
	}

	/**
	 * catalog-api's part: verify the bearer token against the issuer, require media:read.
	 */
	private static Downstream.Reply verifyingCatalog(com.sun.net.httpserver.HttpExchange exchange) {
		String bearer = Downstream.bearer(exchange);
		if (bearer == null) {
			return new Downstream.Reply(401, Map.of("error", "no token"));
		}
		try {
			if (decoder == null) {
				NimbusJwtDecoder nimbus = NimbusJwtDecoder.withIssuerLocation(ISSUER).build();
				// As catalog-api: only access tokens (typ at+jwt) for the API audience.
				nimbus.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(new JwtIssuerValidator(ISSUER),
						new JwtTypeValidator("at+jwt"), new JwtAudienceValidator("vigil-api"))));
				decoder = nimbus;
			}
			Jwt jwt = decoder.decode(bearer);
			if (!jwt.getClaimAsStringList("scope").contains("media:read")) {
				return new Downstream.Reply(403, Map.of("error", "insufficient_scope"));
			}
			return new Downstream.Reply(200, Map.of("sub", jwt.getSubject(), "iss", jwt.getIssuer().toString(), "scope",
					jwt.getClaimAsStringList("scope")));
		}
		catch (JwtException ex) {
			return new Downstream.Reply(401, Map.of("error", "invalid_token"));
		}
	}

	private static HttpResponse<String> clientCredentials(HttpClient client, String clientId, String secret) {
		return send(client,
				request("/auth/oauth2/token").header("Authorization", basic(clientId, secret))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
	}

	private static HttpResponse<String> submit(HttpClient browser, String page, String action,
			Map<String, String> fields) {
		HttpResponse<String> form = send(browser, request(page).header("Accept", "text/html"));
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
		assertThat(csrf.find()).as("CSRF token on " + page + ": " + form.statusCode()).isTrue();
		Map<String, String> values = new LinkedHashMap<>(fields);
		values.put("_csrf", csrf.group(1));
		return send(browser, request(action).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(values))));
	}

	private static String basic(String user, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	private static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	private static String form(Map<String, String> values) {
		return values.entrySet()
			.stream()
			.map((entry) -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(BASE + path));
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode json(HttpResponse<String> response) {
		return Downstream.JSON.readTree(response.body());
	}

}
