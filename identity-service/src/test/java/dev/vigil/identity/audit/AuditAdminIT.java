package dev.vigil.identity.audit;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.vigil.identity.Browser;
import dev.vigil.identity.IdentityIntegrationTest;
import dev.vigil.identity.Scopes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /admin/v1/audit} on the running service: the account events real sign-ins,
 * lock-outs, password changes and scope changes leave, paged and filtered, bad input
 * answered with problem details, and nobody but an admin of every camera reads it.
 */
class AuditAdminIT extends IdentityIntegrationTest {

	@Autowired
	MongoTemplate mongo;

	String admin;

	Browser http;

	@BeforeEach
	void adminSession() {
		this.admin = adminToken();
		this.http = new Browser(BASE);
	}

	@Test
	void listsFailedSignInsLockOutsPasswordChangesAndScopeChangesOfAnAccount() {
		String carol = user("carol", Set.of(Scopes.ROLE_VIEWER), null);
		try (Browser owner = new Browser(BASE).with("X-Forwarded-For", "203.0.113.78")) {
			String chosen = "a fresh pass phrase " + carol.hashCode();
			owner.signIn(carol, password(carol));
			owner.submit("/account/password", "/account/password",
					Map.of("current", password(carol), "password", chosen, "confirmation", chosen));
		}
		// Its own source address, so the lock-out does not touch other tests' sign-ins.
		try (Browser attacker = new Browser(BASE).with("X-Forwarded-For", "203.0.113.77")) {
			for (int i = 0; i < 6; i++) {
				attacker.signIn(carol, "wrong guess number " + i);
			}
		}
		assertThat(this.http
			.bearer("PATCH", "/admin/v1/users/" + carol, this.admin, "{\"roles\":[\"viewer\"],\"cameras\":[\"porch\"]}")
			.statusCode()).isEqualTo(200);

		List<JsonNode> own = items(list("?actor=" + carol));
		assertThat(own).extracting((entry) -> entry.get("action").asString())
			.contains("account.sign-in-failed", "account.locked-out", "account.password-changed");
		assertThat(own).filteredOn((entry) -> "account.locked-out".equals(entry.get("action").asString()))
			.allSatisfy((entry) -> assertThat(entry.at("/details/source").asString()).isEqualTo("203.0.113.77"));
		assertThat(own).extracting((entry) -> entry.get("at").asString()).isSortedAccordingTo((a, b) -> b.compareTo(a));

		List<JsonNode> updates = items(list("?action=user.updated"));
		assertThat(updates).anySatisfy((entry) -> assertThat(entry.at("/details/detail").asString())
			.contains("user " + carol, "cameras [porch]"));
		assertThat(items(list("?action=account.locked-out&actor=" + carol))).isNotEmpty()
			.allSatisfy((entry) -> assertThat(entry.get("action").asString()).isEqualTo("account.locked-out"));
		assertThat(items(list("?from=2999-01-01T00:00:00Z"))).as("nothing after a future time").isEmpty();
		assertThat(items(list(""))).as("token issues only when asked for")
			.noneSatisfy((entry) -> assertThat(entry.get("action").asString()).isEqualTo("token.issued"));
		assertThat(items(list("?action=token.issued"))).isNotEmpty();
	}

	@Test
	void pagesWithACursorWithoutGapsOrRepeats() {
		String dave = user("dave", Set.of(Scopes.ROLE_VIEWER), null);
		try (Browser attacker = new Browser(BASE).with("X-Forwarded-For", "203.0.113.79")) {
			for (int i = 0; i < 4; i++) {
				attacker.signIn(dave, "wrong guess number " + i);
			}
		}
		List<String> all = items(list("?actor=" + dave)).stream().map((entry) -> entry.get("id").asString()).toList();
		assertThat(all).hasSize(4);

		List<String> paged = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			JsonNode page = list("?limit=3&actor=" + dave + ((cursor != null) ? "&cursor=" + cursor : ""));
			items(page).forEach((entry) -> paged.add(entry.get("id").asString()));
			cursor = page.path("nextCursor").isString() ? page.get("nextCursor").asString() : null;
			pages++;
		}
		while (cursor != null && pages < 10);

		assertThat(pages).isEqualTo(2);
		assertThat(paged).containsExactlyElementsOf(all);
	}

	@Test
	void answersBadInputWithProblemDetails() {
		for (String query : new String[] { "?from=%2B100000-01-01T00:00:00Z", "?to=-100000-01-01T00:00:00Z",
				"?from=%2B292278994-08-17T07:12:55.807Z", "?from=banana",
				"?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "?limit=0", "?limit=501", "?limit=many",
				"?cursor=not-a-cursor", "?cursor=" + "x".repeat(40), "?action=account.deleted" }) {
			HttpResponse<String> response = this.http.bearer("GET", "/admin/v1/audit" + query, this.admin, null);
			assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).as(query).hasValue("application/problem+json");
			assertThat(Browser.json(response).get("type").asString()).as(query)
				.isEqualTo("https://vigil.dev/problems/invalid-request");
		}
	}

	@Test
	void refusesViewersMissingTokensAndCameraScopedAdmins() {
		String viewer = user("viewer", Set.of(Scopes.ROLE_VIEWER), null);
		String viewerToken;
		try (Browser browser = new Browser(BASE)) {
			viewerToken = uiTokens(browser, viewer, "openid media:read admin").get("access_token").asString();
		}
		assertThat(this.http.bearer("GET", "/admin/v1/audit", viewerToken, null).statusCode()).isEqualTo(403);
		assertThat(this.http.api("/admin/v1/audit").statusCode()).isEqualTo(401);

		HttpResponse<String> refused = this.http.bearer("POST", "/admin/v1/clients", this.admin,
				"{\"name\":\"scoped admin\",\"scopes\":[\"admin\"],\"cameras\":[\"porch\"]}");
		assertThat(refused.statusCode()).as("admin + cameras is refused at creation").isEqualTo(400);

		// One made before that rule (stored data) still gets no admin API.
		JsonNode client = Browser.json(this.http.bearer("POST", "/admin/v1/clients", this.admin,
				"{\"name\":\"old admin client\",\"scopes\":[\"admin\"]}"));
		String clientId = client.get("clientId").asString();
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(clientId)),
				Update.update("cameras", List.of("porch")), "clients");
		String scopedToken = Browser.json(this.http.token(clientId, client.get("clientSecret").asString(),
				Map.of("grant_type", "client_credentials", "scope", "admin")))
			.get("access_token")
			.asString();
		assertThat(Browser.claims(scopedToken).get("cameras").get(0).asString()).isEqualTo("porch");

		for (String path : new String[] { "/admin/v1/audit", "/admin/v1/users", "/admin/v1/clients" }) {
			HttpResponse<String> forbidden = this.http.bearer("GET", path, scopedToken, null);
			assertThat(forbidden.statusCode()).as(path).isEqualTo(403);
			assertThat(Browser.json(forbidden).get("type").asString())
				.isEqualTo("https://vigil.dev/problems/camera-forbidden");
		}
		assertThat(this.http.bearer("GET", "/admin/v1/audit", this.admin, null).statusCode()).isEqualTo(200);
	}

	private JsonNode list(String query) {
		HttpResponse<String> response = this.http.bearer("GET", "/admin/v1/audit" + query, this.admin, null);
		assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
		return Browser.json(response);
	}

	private static List<JsonNode> items(JsonNode page) {
		return page.get("items").valueStream().toList();
	}

}
