package dev.vigil.ui.admin;

import org.junit.jupiter.api.Test;

import dev.vigil.ui.UiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #18: the audit log showed raw internals, API clients by id, and needed the exact
 * action code to filter.
 */
class AuditLogTests extends UiTestSupport {

	@Test
	void showsReadableValuesClientNamesAndActionsInWords() throws Exception {
		this.backend.json("GET", "/api/v1/audit", 200, """
				{"items":[{"id":"a2","at":"2026-12-02T06:14:00Z","actor":"vgl_abc123","action":"camera.updated",
				"target":"driveway","details":{"retention":"Retention[imageMaxAgeDays=30, videoMaxAgeDays=null]",
				"detection":{"personDetection":true,"minPersonConfidence":0.6},"timeZone":"Europe/Berlin"}}],
				"nextCursor":null}""");
		String html = this.mvc.perform(get("/admin/audit").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("Camera settings changed")
			.contains(">Home Assistant<")
			.contains("Image max age days:</span> <span>30<")
			.contains("Video max age days:</span> <span>default<")
			.contains("Person detection:</span> <span>yes<")
			.contains("Min person confidence:</span> <span>0.6<")
			.doesNotContain("Retention[")
			.doesNotContain("vgl_abc123");
		// The filter offers the actions by name; the chosen one goes to the
		// API as its code.
		assertThat(html).contains("<option value=\"media.deleted\">Media deleted</option>");
		this.mvc.perform(get("/admin/audit").param("action", "media.deleted").with(admin()))
			.andExpect(status().isOk())
			.andExpect((result) -> assertThat(result.getResponse().getContentAsString())
				.contains("<option value=\"media.deleted\" selected=\"selected\">Media deleted</option>"));
		assertThat(this.backend.requests("GET", "/api/v1/audit")).last()
			.satisfies((request) -> assertThat(request.query()).contains("action=media.deleted"));
		assertThat(this.backend.requests("GET", "/identity/admin/v1/audit")).as("not an account action")
			.noneSatisfy((request) -> assertThat(request.query()).contains("action=media.deleted"));
	}

	@Test
	void showsAccountEntriesFromIdentityServiceAmongTheCatalogsNewestFirst() throws Exception {
		this.backend.json("GET", "/api/v1/audit", 200, """
				{"items":[{"id":"c1","at":"2026-12-02T08:00:00Z","actor":"admin","action":"media.deleted",
				"target":"porch.abc","details":{}},{"id":"c2","at":"2026-12-02T06:00:00Z","actor":"admin",
				"action":"event.held","target":"porch.1","details":{}}],"nextCursor":"catalogpage2"}""");
		this.backend.json("GET", "/identity/admin/v1/audit", 200,
				"""
						{"items":[{"id":"65f0a1b2c3d4e5f601234567","at":"2026-12-02T07:00:00Z","actor":"carol",
						"action":"account.locked-out","target":null,"details":{"source":"203.0.113.77","detail":"locked for 30s"}}],
						"nextCursor":null}""");

		String html = this.mvc.perform(get("/admin/audit").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).containsSubsequence("Media deleted", "Sign-in locked out", "Legal hold placed on event")
			.contains("203.0.113.77")
			.contains("<option value=\"account.password-changed\">Password changed</option>");
		assertThat(html).as("the next page goes on with the catalog; the account trail is done")
			.contains("cursor=catalogpage2")
			.contains("accountCursor=none");

		this.mvc.perform(get("/admin/audit").param("action", "account.locked-out").with(admin()))
			.andExpect(status().isOk());
		assertThat(this.backend.requests("GET", "/identity/admin/v1/audit")).last()
			.satisfies((request) -> assertThat(request.query()).contains("action=account.locked-out"));
		assertThat(this.backend.requests("GET", "/api/v1/audit")).as("an account action is not the catalog's")
			.noneSatisfy((request) -> assertThat(request.query()).contains("action=account.locked-out"));
	}

	@Test
	void keepsShowingTheCatalogsEntriesWhenIdentityServiceCannotAnswer() throws Exception {
		this.backend.json("GET", "/identity/admin/v1/audit", 404, "{}");

		String html = this.mvc.perform(get("/admin/audit").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("data-test=\"account-audit-problem\"").contains("insurance claim");
	}

}
