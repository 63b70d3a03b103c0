package dev.vigil.identity.server;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.vigil.identity.Browser;
import dev.vigil.identity.IdentityIntegrationTest;
import dev.vigil.identity.Scopes;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizationCodeIT extends IdentityIntegrationTest {

	@Test
	void publishesOidcDiscoveryWithTheConfiguredIssuer() {
		try (Browser browser = new Browser(BASE)) {
			HttpResponse<String> response = browser.get("/.well-known/openid-configuration");
			JsonNode discovery = Browser.json(response);

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(discovery.get("issuer").asString()).isEqualTo(BASE);
			assertThat(discovery.get("authorization_endpoint").asString()).isEqualTo(BASE + "/oauth2/authorize");
			assertThat(discovery.get("jwks_uri").asString()).isEqualTo(BASE + "/oauth2/jwks");
			assertThat(discovery.get("end_session_endpoint").asString()).isEqualTo(BASE + "/connect/logout");
			JsonNode keys = Browser.json(browser.get("/oauth2/jwks")).get("keys");
			assertThat(keys.size()).isGreaterThanOrEqualTo(1);
			assertThat(keys.get(0).has("d")).as("private exponent must never be published").isFalse();
		}
	}

	@Test
	void aViewerSignsInWithPkceAndGetsANarrowedCameraScopedToken() {
		String viewer = user("viewer", Set.of(Scopes.ROLE_VIEWER), List.of("front-door", "garage"));
		try (Browser browser = new Browser(BASE)) {
			JsonNode tokens = uiTokens(browser, viewer,
					"openid media:read media:write admin notifications:read notifications:write");
			JsonNode access = Browser.claims(tokens.get("access_token").asString());
			JsonNode id = Browser.claims(tokens.get("id_token").asString());

			assertThat(access.get("iss").asString()).isEqualTo(BASE);
			assertThat(access.get("sub").asString()).isEqualTo(viewer);
			assertThat(strings(access.get("scope"))).containsExactlyInAnyOrder("openid", "media:read");
			assertThat(strings(access.get("roles"))).containsExactly("viewer");
			assertThat(strings(access.get("cameras"))).containsExactly("front-door", "garage");
			assertThat(strings(id.get("roles"))).containsExactly("viewer");
			assertThat(id.get("preferred_username").asString()).isEqualTo(viewer);
			assertThat(tokens.has("refresh_token")).isTrue();
		}
	}

	@Test
	void anAdminTokenHasNoCameraClaimMeaningAllCameras() {
		String admin = user("admin", Set.of(Scopes.ROLE_ADMIN), null);
		try (Browser browser = new Browser(BASE)) {
			JsonNode access = Browser.claims(uiTokens(browser, admin,
					"openid media:read media:write admin notifications:read notifications:write")
				.get("access_token")
				.asString());

			assertThat(strings(access.get("scope"))).contains("media:read", "media:write", "admin",
					"notifications:read", "notifications:write");
			assertThat(access.has("cameras")).isFalse();
		}
	}

	@Test
	void accessTokensAreAtJwtForTheApiAndAnIdTokenIsNoApiKey() {
		String admin = user("typ", Set.of(Scopes.ROLE_ADMIN), null);
		try (Browser browser = new Browser(BASE)) {
			JsonNode tokens = uiTokens(browser, admin, "openid media:read admin");
			String access = tokens.get("access_token").asString();
			String id = tokens.get("id_token").asString();

			assertThat(Browser.header(access).get("typ").asString()).isEqualTo("at+jwt");
			assertThat(strings(Browser.claims(access).get("aud"))).containsExactly("vigil-api");
			assertThat(Browser.claims(access).get("client_id").asString()).isEqualTo("vigil-ui");
			assertThat(Browser.header(id).path("typ").asString("JWT")).isEqualTo("JWT");
			assertThat(strings(Browser.claims(id).get("aud"))).containsExactly("vigil-ui");

			assertThat(browser.bearer("GET", "/admin/v1/clients", access, null).statusCode()).isEqualTo(200);
			// The ID token of the same admin (it sits in logout
			// URLs and browser history).
			assertThat(browser.bearer("GET", "/admin/v1/clients", id, null).statusCode()).isEqualTo(401);
		}
	}

	@Test
	void refreshTokensAreRotatedAndAUsedOneIsRejected() {
		String viewer = user("refresh", Set.of(Scopes.ROLE_VIEWER), null);
		try (Browser browser = new Browser(BASE)) {
			String refresh = uiTokens(browser, viewer, "openid media:read").get("refresh_token").asString();

			HttpResponse<String> refreshed = browser.token("vigil-ui", UI_SECRET,
					Map.of("grant_type", "refresh_token", "refresh_token", refresh));
			assertThat(refreshed.statusCode()).isEqualTo(200);
			assertThat(Browser.json(refreshed).get("refresh_token").asString()).isNotEqualTo(refresh);

			HttpResponse<String> reused = browser.token("vigil-ui", UI_SECRET,
					Map.of("grant_type", "refresh_token", "refresh_token", refresh));
			assertThat(reused.statusCode()).isEqualTo(400);
			assertThat(reused.body()).contains("invalid_grant");
		}
	}

	@Test
	void theCliClientUsesPkceWithoutASecretOnALoopbackRedirect() {
		String viewer = user("cli", Set.of(Scopes.ROLE_VIEWER), null);
		try (Browser browser = new Browser(BASE)) {
			browser.signIn(viewer, password(viewer));
			String verifier = Browser.verifier();
			String redirect = "http://127.0.0.1:53682/callback";
			HttpResponse<String> authorize = browser
				.get(Browser.authorizeUrl("vigil-cli", "openid media:read", redirect, verifier, "s"));
			assertThat(Browser.location(authorize)).startsWith(redirect + "?code=");

			HttpResponse<String> withoutVerifier = browser.token("vigil-cli", null, Map.of("grant_type",
					"authorization_code", "code", Browser.code(authorize), "redirect_uri", redirect));
			assertThat(withoutVerifier.statusCode()).isIn(400, 401);

			HttpResponse<String> authorizeAgain = browser
				.get(Browser.authorizeUrl("vigil-cli", "openid media:read", redirect, verifier, "s"));
			HttpResponse<String> tokens = browser.token("vigil-cli", null, Map.of("grant_type", "authorization_code",
					"code", Browser.code(authorizeAgain), "redirect_uri", redirect, "code_verifier", verifier));
			assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		}
	}

	@Test
	void aWrongPkceVerifierBurnsTheCodeForTheRightOneToo() {
		String viewer = user("pkce", Set.of(Scopes.ROLE_VIEWER), null);
		try (Browser browser = new Browser(BASE)) {
			browser.signIn(viewer, password(viewer));
			String verifier = Browser.verifier();
			String code = Browser
				.code(browser.get(Browser.authorizeUrl("vigil-ui", "openid media:read", UI_REDIRECT, verifier, "s")));

			HttpResponse<String> guessed = browser.token("vigil-ui", UI_SECRET,
					Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", UI_REDIRECT,
							"code_verifier", Browser.verifier()));
			assertThat(guessed.statusCode()).isEqualTo(400);
			assertThat(guessed.body()).contains("invalid_grant");

			HttpResponse<String> rightful = browser.token("vigil-ui", UI_SECRET, Map.of("grant_type",
					"authorization_code", "code", code, "redirect_uri", UI_REDIRECT, "code_verifier", verifier));
			assertThat(rightful.statusCode()).as("the code is single-use, also after a failed try").isEqualTo(400);
			assertThat(rightful.body()).contains("invalid_grant");
		}
	}

	@Test
	void rejectsAnUnregisteredRedirectUriWithoutRedirectingThere() {
		String viewer = user("redirect", Set.of(Scopes.ROLE_VIEWER), null);
		try (Browser browser = new Browser(BASE)) {
			browser.signIn(viewer, password(viewer));
			HttpResponse<String> response = browser.get(Browser.authorizeUrl("vigil-ui", "openid",
					"https://evil.example/callback", Browser.verifier(), "s"));

			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(Browser.location(response)).doesNotContain("evil.example");
		}
	}

	@Test
	void requiresPkceFromTheUiClient() {
		String viewer = user("nopkce", Set.of(Scopes.ROLE_VIEWER), null);
		try (Browser browser = new Browser(BASE)) {
			browser.signIn(viewer, password(viewer));
			HttpResponse<String> response = browser.get("/oauth2/authorize?" + Browser.form(Map.of("response_type",
					"code", "client_id", "vigil-ui", "scope", "openid", "redirect_uri", UI_REDIRECT, "state", "s")));

			assertThat(Browser.location(response)).startsWith(UI_REDIRECT).contains("error=invalid_request");
		}
	}

	@Test
	void signInIgnoresRedirectParametersAndReturnsOnlyToTheSavedRequest() {
		String viewer = user("open", Set.of(Scopes.ROLE_VIEWER), null);
		try (Browser browser = new Browser(BASE)) {
			browser.get("/login?continue=https://evil.example/&redirect_uri=https://evil.example/");
			HttpResponse<String> signIn = browser.submit("/login?redirect=https://evil.example/", "/login",
					Map.of("username", viewer, "password", password(viewer), "redirect", "https://evil.example/",
							"continue", "https://evil.example/"));

			assertThat(signIn.statusCode()).isEqualTo(302);
			assertThat(Browser.location(signIn)).startsWith(BASE + "/").doesNotContain("evil.example");
		}
	}

	@Test
	void rpInitiatedLogoutReturnsOnlyToARegisteredUri() {
		String viewer = user("logout", Set.of(Scopes.ROLE_VIEWER), null);
		try (Browser browser = new Browser(BASE)) {
			String idToken = uiTokens(browser, viewer, "openid").get("id_token").asString();

			HttpResponse<String> evil = browser.get("/connect/logout?" + Browser
				.form(Map.of("id_token_hint", idToken, "post_logout_redirect_uri", "https://evil.example/")));
			assertThat(evil.statusCode()).isEqualTo(400);
			assertThat(Browser.location(evil)).doesNotContain("evil.example");

			HttpResponse<String> good = browser.get("/connect/logout?" + Browser.form(Map.of("id_token_hint", idToken,
					"post_logout_redirect_uri", "http://localhost:8080/signed-out", "state", "bye")));
			assertThat(good.statusCode()).isEqualTo(302);
			assertThat(Browser.location(good)).isEqualTo("http://localhost:8080/signed-out?state=bye");

			HttpResponse<String> afterLogout = browser
				.get(Browser.authorizeUrl("vigil-ui", "openid", UI_REDIRECT, Browser.verifier(), "s"));
			assertThat(Browser.location(afterLogout)).as("the session is gone").endsWith("/login");
		}
	}

	private static List<String> strings(JsonNode array) {
		// A one-element aud may be a plain string (RFC 7519 allows both).
		return array.isString() ? List.of(array.asString()) : array.valueStream().map(JsonNode::asString).toList();
	}

}
