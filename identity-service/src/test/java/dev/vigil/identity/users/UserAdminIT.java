package dev.vigil.identity.users;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.vigil.identity.Browser;
import dev.vigil.identity.IdentityIntegrationTest;
import dev.vigil.identity.Scopes;

import static org.assertj.core.api.Assertions.assertThat;

class UserAdminIT extends IdentityIntegrationTest {

	@Test
	void anAdminCreatesACameraScopedViewerWhoseGeneratedPasswordMustBeChanged() {
		String admin = adminToken();
		String name = "porch-" + UUID.randomUUID().toString().substring(0, 6);
		try (Browser http = new Browser(BASE);
				Browser viewer = new Browser(BASE).with("X-Forwarded-For", "192.0.2.77")) {
			HttpResponse<String> created = http.bearer("POST", "/admin/v1/users", admin,
					"{\"username\":\"" + name + "\",\"roles\":[\"viewer\"],\"cameras\":[\"porch\"]}");

			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			JsonNode body = Browser.json(created);
			String password = body.get("initialPassword").asString();
			assertThat(body.get("user").get("mustChangePassword").asBoolean()).isTrue();
			assertThat(http.bearer("GET", "/admin/v1/users", admin, null).body()).contains(name)
				.doesNotContain(password)
				.doesNotContain("passwordHash");
			assertThat(Browser.location(viewer.signIn(name, password))).endsWith("/account/password");
		}
	}

	@Test
	void rejectsInvalidUsersWithProblemDetails() {
		String admin = adminToken();
		String taken = user("taken", Set.of(Scopes.ROLE_VIEWER), null);
		try (Browser http = new Browser(BASE)) {
			for (String body : List.of("{\"username\":\"x\",\"roles\":[\"root\"]}", "{\"username\":\"x\",\"roles\":[]}",
					"{\"username\":\"../x\",\"roles\":[\"viewer\"]}",
					"{\"username\":\"x\",\"password\":\"short\",\"roles\":[\"viewer\"]}",
					"{\"username\":\"x\",\"roles\":[\"viewer\"],\"cameras\":[\"a/b\"]}",
					"{\"username\":\"x\",\"password\":\"password1234\",\"roles\":[\"viewer\"]}",
					"{\"username\":\"x\",\"roles\":[\"admin\"],\"cameras\":[\"porch\"]}",
					"{\"username\":\"" + taken + "\",\"roles\":[\"viewer\"]}")) {
				HttpResponse<String> response = http.bearer("POST", "/admin/v1/users", admin, body);
				assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(400);
				assertThat(Browser.json(response).path("type").asString())
					.isEqualTo("https://vigil.dev/problems/invalid-request");
			}
		}
	}

	@Test
	void aDeletedUserCannotSignInAndViewersCannotManageUsers() {
		String admin = adminToken();
		String gone = user("gone", Set.of(Scopes.ROLE_VIEWER), null);
		String viewer = user("viewer", Set.of(Scopes.ROLE_VIEWER), null);
		try (Browser http = new Browser(BASE); Browser browser = new Browser(BASE)) {
			String viewerToken = uiTokens(browser, viewer, "openid media:read").get("access_token").asString();
			assertThat(http.bearer("DELETE", "/admin/v1/users/" + gone, viewerToken, null).statusCode()).isEqualTo(403);

			assertThat(http.bearer("DELETE", "/admin/v1/users/" + gone, admin, null).statusCode()).isEqualTo(204);
			assertThat(http.bearer("DELETE", "/admin/v1/users/" + gone, admin, null).statusCode()).isEqualTo(404);
			try (Browser former = new Browser(BASE).with("X-Forwarded-For", "192.0.2.78")) {
				assertThat(Browser.location(former.signIn(gone, password(gone)))).endsWith("/login?error");
			}
		}
	}

	@Test
	void anAdminChangesRolesAndCamerasAndNewTokensCarryThem() {
		String admin = adminToken();
		String name = user("promoted", Set.of(Scopes.ROLE_VIEWER), List.of("porch"));
		try (Browser http = new Browser(BASE); Browser browser = new Browser(BASE)) {
			HttpResponse<String> scoped = http.bearer("PATCH", "/admin/v1/users/" + name, admin,
					"{\"roles\":[\"viewer\"],\"cameras\":[\"driveway\",\"garden\"]}");
			assertThat(scoped.statusCode()).as(scoped.body()).isEqualTo(200);
			JsonNode claims = Browser
				.claims(uiTokens(browser, name, "openid media:read").get("access_token").asString());
			assertThat(claims.get("cameras").valueStream().map(JsonNode::asString))
				.containsExactlyInAnyOrder("driveway", "garden");

			// Promotion to admin drops the camera list: admins see every camera.
			HttpResponse<String> promoted = http.bearer("PATCH", "/admin/v1/users/" + name, admin,
					"{\"roles\":[\"viewer\",\"admin\"]}");
			assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
			assertThat(Browser.json(promoted).get("roles").valueStream().map(JsonNode::asString))
				.containsExactlyInAnyOrder("viewer", "admin");
			try (Browser again = new Browser(BASE)) {
				JsonNode adminClaims = Browser
					.claims(uiTokens(again, name, "openid media:read admin").get("access_token").asString());
				assertThat(adminClaims.has("cameras")).isFalse();
				assertThat(adminClaims.get("scope").toString()).contains("admin");
			}
			assertThat(
					Browser.json(http.bearer("GET", "/admin/v1/users/" + name, admin, null)).path("cameras").isNull())
				.isTrue();
		}
	}

	@Test
	void refusesBadUpdatesSelfDemotionAndViewers() {
		String admin = adminToken();
		String name = user("unchanged", Set.of(Scopes.ROLE_VIEWER), null);
		String viewer = user("meddler", Set.of(Scopes.ROLE_VIEWER), null);
		try (Browser http = new Browser(BASE); Browser browser = new Browser(BASE)) {
			for (String body : List.of("{\"roles\":[]}", "{\"roles\":[\"root\"]}",
					"{\"roles\":[\"viewer\"],\"cameras\":[\"../x\"]}",
					"{\"roles\":[\"admin\"],\"cameras\":[\"porch\"]}")) {
				HttpResponse<String> response = http.bearer("PATCH", "/admin/v1/users/" + name, admin, body);
				assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(400);
			}
			assertThat(
					http.bearer("PATCH", "/admin/v1/users/nobody-here", admin, "{\"roles\":[\"viewer\"]}").statusCode())
				.isEqualTo(404);
			String self = Browser.claims(admin).get("sub").asString();
			assertThat(http.bearer("PATCH", "/admin/v1/users/" + self, admin, "{\"roles\":[\"viewer\"]}").statusCode())
				.as("an admin removing their own admin role")
				.isEqualTo(400);
			String viewerToken = uiTokens(browser, viewer, "openid media:read").get("access_token").asString();
			assertThat(http.bearer("PATCH", "/admin/v1/users/" + name, viewerToken, "{\"roles\":[\"admin\"]}")
				.statusCode()).isEqualTo(403);
		}
	}

	@Test
	void refusesDuplicateKeysAndControlCharactersAndChangesNothing() {
		String admin = adminToken();
		String viewer = user("dupkey", Set.of(Scopes.ROLE_VIEWER), List.of("porch"));
		String fresh = "dup-" + UUID.randomUUID().toString().substring(0, 6);
		try (Browser http = new Browser(BASE)) {
			// A proxy or audit reading the first "roles" would see a viewer being
			// created.
			for (String body : List.of("{\"username\":\"" + fresh + "\",\"roles\":[\"viewer\"],\"roles\":[\"admin\"]}",
					"{\"username\":\"" + fresh + "\",\"username\":\"other\",\"roles\":[\"viewer\"]}",
					"{\"username\":\"" + fresh + "\\u0000\",\"roles\":[\"viewer\"]}",
					"{\"username\":\"" + fresh + "\\nx\",\"roles\":[\"viewer\"]}")) {
				HttpResponse<String> response = http.bearer("POST", "/admin/v1/users", admin, body);
				assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(400);
				assertThat(Browser.json(response).path("type").asString())
					.isEqualTo("https://vigil.dev/problems/invalid-request");
			}
			assertThat(http.bearer("GET", "/admin/v1/users/" + fresh, admin, null).statusCode()).isEqualTo(404);

			HttpResponse<String> patch = http.bearer("PATCH", "/admin/v1/users/" + viewer, admin,
					"{\"roles\":[\"viewer\"],\"cameras\":[\"porch\"],\"roles\":[\"admin\"],\"cameras\":null}");
			assertThat(patch.statusCode()).as(patch.body()).isEqualTo(400);
			JsonNode unchanged = Browser.json(http.bearer("GET", "/admin/v1/users/" + viewer, admin, null));
			assertThat(unchanged.path("roles").toString()).isEqualTo("[\"viewer\"]");
			assertThat(unchanged.path("cameras").toString()).isEqualTo("[\"porch\"]");
		}
	}

}
