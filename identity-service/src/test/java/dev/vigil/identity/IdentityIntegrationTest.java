package dev.vigil.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.vigil.devstack.VigilInfrastructure;
import dev.vigil.identity.users.UserAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One running identity-service (devstack profile) on real MongoDB and Redis, shared by
 * every IT class that extends this (same context). The port is chosen before start so the
 * issuer URL equals the address the tests call, as it must for discovery.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@VigilInfrastructure
@ActiveProfiles("devstack")
public abstract class IdentityIntegrationTest {

	protected static final int PORT = freePort();

	protected static final String BASE = "http://localhost:" + PORT;

	protected static final Path DATA = Path.of("target", "it-data", UUID.randomUUID().toString()).toAbsolutePath();

	protected static final String DATABASE = "identity-it-" + UUID.randomUUID().toString().substring(0, 8);

	public static final String UI_REDIRECT = "http://localhost:8080/login/oauth2/code/vigil";

	@Autowired
	protected UserAccounts users;

	@DynamicPropertySource
	static void identityProperties(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("vigil.identity.issuer", () -> BASE);
		registry.add("vigil.identity.data-dir", DATA::toString);
		registry.add("spring.mongodb.database", () -> DATABASE);
		registry.add("vigil.identity.clients.ui.client-secret", () -> "ui-secret-for-integration-tests-0123456789");
		registry.add("vigil.identity.clients.ui.redirect-uris", () -> UI_REDIRECT);
	}

	protected static final String UI_SECRET = "ui-secret-for-integration-tests-0123456789";

	/** Creates a user who need not change the password, unique per call. */
	protected String user(String prefix, Set<String> roles, @Nullable List<String> cameras) {
		String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		this.users.create(name, password(name), roles, cameras, false, "test");
		return name;
	}

	protected static String password(String username) {
		// Passes the password policy: long, not common, without the username in it.
		return "staple horse " + Integer.toHexString(username.hashCode()) + " battery";
	}

	/**
	 * Signs in and runs authorization code + PKCE for the UI client; returns the token
	 * response.
	 */
	protected static JsonNode uiTokens(Browser browser, String username, String scope) {
		HttpResponse<String> signIn = browser.signIn(username, password(username));
		assertThat(signIn.statusCode()).isEqualTo(302);
		String verifier = Browser.verifier();
		HttpResponse<String> authorize = browser
			.get(Browser.authorizeUrl("vigil-ui", scope, UI_REDIRECT, verifier, "state-1"));
		assertThat(Browser.location(authorize)).startsWith(UI_REDIRECT + "?code=");
		HttpResponse<String> tokens = browser.token("vigil-ui", UI_SECRET, Map.of("grant_type", "authorization_code",
				"code", Browser.code(authorize), "redirect_uri", UI_REDIRECT, "code_verifier", verifier));
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		return Browser.json(tokens);
	}

	protected String adminToken() {
		String admin = user("root", Set.of(Scopes.ROLE_ADMIN), null);
		try (Browser browser = new Browser(BASE)) {
			return uiTokens(browser, admin, "openid media:read admin").get("access_token").asString();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
