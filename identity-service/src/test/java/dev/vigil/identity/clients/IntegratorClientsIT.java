package dev.vigil.identity.clients;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.vigil.identity.Browser;
import dev.vigil.identity.IdentityIntegrationTest;
import dev.vigil.identity.Scopes;
import dev.vigil.identity.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class IntegratorClientsIT extends IdentityIntegrationTest {

	@Autowired
	MongoTemplate mongo;

	@Autowired
	AuditLog audit;

	String admin;

	Browser http;

	@BeforeEach
	void adminSession() {
		this.admin = adminToken();
		this.http = new Browser(BASE);
	}

	@Test
	void devstackWritesAWorkingDemoClientReadableOnlyByTheOwner() throws Exception {
		Path file = DATA.resolve("demo-client.properties");
		Properties demo = new Properties();
		try (var reader = Files.newBufferedReader(file)) {
			demo.load(reader);
		}
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

		HttpResponse<String> token = this.http.token(demo.getProperty("client-id"), demo.getProperty("client-secret"),
				Map.of("grant_type", "client_credentials"));

		assertThat(token.statusCode()).isEqualTo(200);
		JsonNode claims = Browser.claims(Browser.json(token).get("access_token").asString());
		assertThat(claims.get("scope").valueStream().map(JsonNode::asString)).containsExactly("media:read");
		assertThat(claims.get("roles").size()).isZero();
		assertThat(claims.has("cameras")).isFalse();
	}

	@Test
	void devstackWritesAnAdminOnlySetupClientForTheDemoReadableOnlyByTheOwner() throws Exception {
		Path file = DATA.resolve("demo-setup-client.properties");
		Properties setup = new Properties();
		try (var reader = Files.newBufferedReader(file)) {
			setup.load(reader);
		}
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

		HttpResponse<String> token = this.http.token(setup.getProperty("client-id"), setup.getProperty("client-secret"),
				Map.of("grant_type", "client_credentials"));

		assertThat(token.statusCode()).isEqualTo(200);
		JsonNode claims = Browser.claims(Browser.json(token).get("access_token").asString());
		assertThat(claims.get("scope").valueStream().map(JsonNode::asString)).containsExactly("admin");
		assertThat(claims.has("cameras")).isFalse();
		// It cannot ask for more than admin.
		assertThat(this.http
			.token(setup.getProperty("client-id"), setup.getProperty("client-secret"),
					Map.of("grant_type", "client_credentials", "scope", "media:read"))
			.statusCode()).isEqualTo(400);
	}

	@Test
	void createdClientGetsTokensWithItsScopesAndCamerasAndTheSecretIsShownOnce() {
		HttpResponse<String> created = create(
				"{\"name\":\"Home Assistant\",\"scopes\":[\"media:read\"],\"cameras\":[\"porch\"]}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
		JsonNode client = Browser.json(created);
		String id = client.get("clientId").asString();
		String secret = client.get("clientSecret").asString();

		HttpResponse<String> token = this.http.token(id, secret, Map.of("grant_type", "client_credentials"));
		JsonNode claims = Browser.claims(Browser.json(token).get("access_token").asString());
		assertThat(claims.get("sub").asString()).isEqualTo(id);
		assertThat(claims.get("cameras").valueStream().map(JsonNode::asString)).containsExactly("porch");

		HttpResponse<String> listed = this.http.bearer("GET", "/admin/v1/clients/" + id, this.admin, null);
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(listed.body()).doesNotContain(secret).doesNotContain("secretHash").contains("\"status\":\"ACTIVE\"");
		assertThat(this.http.bearer("GET", "/admin/v1/clients", this.admin, null).body()).contains(id)
			.doesNotContain(secret);
		assertThat(this.audit.recent(AuditLog.Type.TOKEN_ISSUED, id, 5)).isNotEmpty();
	}

	@Test
	void aClientCannotGetAScopeItWasNotGiven() {
		JsonNode client = Browser.json(create("{\"name\":\"reader\",\"scopes\":[\"media:read\"]}"));

		HttpResponse<String> token = this.http.token(client.get("clientId").asString(),
				client.get("clientSecret").asString(), Map.of("grant_type", "client_credentials", "scope", "admin"));

		assertThat(token.statusCode()).isEqualTo(400);
		assertThat(token.body()).contains("invalid_scope");
	}

	@Test
	void rotationReplacesTheSecretAtOnce() {
		JsonNode client = Browser.json(create("{\"name\":\"rotating\",\"scopes\":[\"media:read\"]}"));
		String id = client.get("clientId").asString();
		String oldSecret = client.get("clientSecret").asString();

		HttpResponse<String> rotated = this.http.bearer("POST", "/admin/v1/clients/" + id + "/rotate", this.admin,
				null);
		String newSecret = Browser.json(rotated).get("clientSecret").asString();

		assertThat(newSecret).isNotEqualTo(oldSecret);
		assertThat(this.http.token(id, oldSecret, Map.of("grant_type", "client_credentials")).statusCode())
			.isEqualTo(401);
		assertThat(this.http.token(id, newSecret, Map.of("grant_type", "client_credentials")).statusCode())
			.isEqualTo(200);
	}

	@Test
	void aRevokedClientGetsNoMoreTokensAndTheRevocationIsAudited() {
		JsonNode client = Browser.json(create("{\"name\":\"revoked\",\"scopes\":[\"media:read\"]}"));
		String id = client.get("clientId").asString();
		String secret = client.get("clientSecret").asString();
		assertThat(this.http.token(id, secret, Map.of("grant_type", "client_credentials")).statusCode()).isEqualTo(200);

		HttpResponse<String> revoked = this.http.bearer("DELETE", "/admin/v1/clients/" + id, this.admin, null);

		assertThat(Browser.json(revoked).get("status").asString()).isEqualTo("REVOKED");
		HttpResponse<String> token = this.http.token(id, secret, Map.of("grant_type", "client_credentials"));
		assertThat(token.statusCode()).isEqualTo(401);
		assertThat(token.body()).contains("invalid_client");
		assertThat(this.http.bearer("POST", "/admin/v1/clients/" + id + "/rotate", this.admin, null).statusCode())
			.isEqualTo(404);
		assertThat(this.mongo.findAll(AuditLog.AuditEntry.class, "audit"))
			.anyMatch((entry) -> entry.type().equals("CLIENT_REVOKED") && id.equals(entry.clientId()));
	}

	@Test
	void anExpiredClientGetsNoTokens() {
		IntegratorClients.Issued issued = new IntegratorClients(this.mongo,
				org.springframework.security.crypto.factory.PasswordEncoderFactories.createDelegatingPasswordEncoder(),
				this.audit)
			.create("soon expired", Set.of(Scopes.MEDIA_READ), null, Instant.now().plusSeconds(3600), "test");
		IntegratorClient expired = new IntegratorClient(issued.client().clientId(), issued.client().name(),
				issued.client().secretHash(), issued.client().scopes(), null, issued.client().createdAt(), "test",
				Instant.now().minusSeconds(1), null, null);
		this.mongo.save(expired);

		HttpResponse<String> token = this.http.token(expired.clientId(), issued.secret(),
				Map.of("grant_type", "client_credentials"));

		assertThat(token.statusCode()).isEqualTo(401);
		assertThat(this.http.bearer("GET", "/admin/v1/clients/" + expired.clientId(), this.admin, null).body())
			.contains("\"status\":\"EXPIRED\"");
	}

	@Test
	void rejectsInvalidClientDefinitionsWithProblemDetails() {
		for (String body : List.of("{\"name\":\"\",\"scopes\":[\"media:read\"]}", "{\"name\":\"x\",\"scopes\":[]}",
				"{\"name\":\"x\",\"scopes\":[\"root\"]}",
				"{\"name\":\"x\",\"scopes\":[\"media:read\"],\"cameras\":[\"../etc\"]}",
				"{\"name\":\"x\",\"scopes\":[\"media:read\"],\"expiresAt\":\"2001-01-01T00:00:00Z\"}",
				"{\"name\":\"" + "n".repeat(101) + "\",\"scopes\":[\"media:read\"]}", "{not json")) {
			HttpResponse<String> response = create(body);
			assertThat(response.statusCode()).as(body).isEqualTo(400);
			assertThat(Browser.json(response).path("type").asString()).as(body + " -> " + response.body())
				.isEqualTo("https://vigil.dev/problems/invalid-request");
		}
		assertThat(this.http.bearer("GET", "/admin/v1/clients/vgl_nope", this.admin, null).statusCode()).isEqualTo(404);
	}

	@Test
	void refusesDuplicateKeysAndControlCharactersInNamesAndCreatesNothing() {
		long before = this.mongo.count(new org.springframework.data.mongodb.core.query.Query(), IntegratorClient.class);
		// A proxy or log in front reading the first "scopes" sees a reader, not an admin.
		for (String body : List.of("{\"name\":\"dup\",\"scopes\":[\"media:read\"],\"scopes\":[\"admin\"]}",
				"{\"name\":\"dup\",\"name\":\"other\",\"scopes\":[\"media:read\"]}",
				"{\"name\":\"nul\\u0000\",\"scopes\":[\"media:read\"]}",
				"{\"name\":\"line\\nbreak\",\"scopes\":[\"media:read\"]}")) {
			HttpResponse<String> response = create(body);
			assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(Browser.json(response).path("type").asString())
				.isEqualTo("https://vigil.dev/problems/invalid-request");
		}
		assertThat(this.mongo.count(new org.springframework.data.mongodb.core.query.Query(), IntegratorClient.class))
			.isEqualTo(before);
	}

	@Test
	void theAdminApiNeedsAnAdminScopedTokenFromThisIssuer() {
		String viewer = user("viewer", Set.of(Scopes.ROLE_VIEWER), null);
		String viewerToken;
		try (Browser browser = new Browser(BASE)) {
			viewerToken = uiTokens(browser, viewer, "openid media:read admin").get("access_token").asString();
		}
		JsonNode reader = Browser.json(create("{\"name\":\"reader\",\"scopes\":[\"media:read\"]}"));
		String readerToken = Browser
			.json(this.http.token(reader.get("clientId").asString(), reader.get("clientSecret").asString(),
					Map.of("grant_type", "client_credentials")))
			.get("access_token")
			.asString();

		assertThat(this.http.bearer("GET", "/admin/v1/clients", viewerToken, null).statusCode()).isEqualTo(403);
		assertThat(this.http.bearer("GET", "/admin/v1/clients", readerToken, null).statusCode()).isEqualTo(403);
		assertThat(this.http.bearer("GET", "/admin/v1/clients", "not-a-jwt", null).statusCode()).isEqualTo(401);
		String[] parts = this.admin.split("\\.");
		String tamperedSignature = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
		assertThat(this.http.bearer("GET", "/admin/v1/clients", tamperedSignature, null).statusCode()).isEqualTo(401);
		String algNone = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("{\"alg\":\"none\"}".getBytes()) + "." + parts[1] + ".";
		assertThat(this.http.bearer("GET", "/admin/v1/clients", algNone, null).statusCode()).isEqualTo(401);
		assertThat(this.http.bearer("GET", "/admin/v1/clients", this.admin, null).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> create(String json) {
		return this.http.bearer("POST", "/admin/v1/clients", this.admin, json);
	}

}
