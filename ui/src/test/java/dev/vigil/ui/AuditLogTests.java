package dev.vigil.ui;

import org.junit.jupiter.api.Test;

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
		// The filter offers the actions by name; the chosen one goes to the API as its
		// code.
		assertThat(html).contains("<option value=\"media.deleted\">Media deleted</option>");
		this.mvc.perform(get("/admin/audit").param("action", "media.deleted").with(admin()))
			.andExpect(status().isOk())
			.andExpect((result) -> assertThat(result.getResponse().getContentAsString())
				.contains("<option value=\"media.deleted\" selected=\"selected\">Media deleted</option>"));
		assertThat(this.backend.requests("GET", "/api/v1/audit")).last()
			.satisfies((request) -> assertThat(request.query()).contains("action=media.deleted"));
	}

}
