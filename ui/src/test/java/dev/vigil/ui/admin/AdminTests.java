package dev.vigil.ui.admin;

import org.junit.jupiter.api.Test;

import dev.vigil.ui.CannedBackend;
import dev.vigil.ui.UiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AdminTests extends UiTestSupport {

	@Test
	void createsAnApiClientAndShowsTheSecretOnce() throws Exception {
		String html = this.mvc
			.perform(post("/admin/clients").with(admin())
				.with(csrf())
				.param("name", "Node-RED")
				.param("scopes", "media:read", "bogus"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("s3cr3t-shown-once-9f8e7d").contains("vgl_new456").contains("shown only this once");
		CannedBackend.Recorded request = this.backend.requests("POST", "/identity/admin/v1/clients").get(0);
		assertThat(request.body()).contains("\"name\":\"Node-RED\"").contains("\"scopes\":[\"media:read\"]");
		assertThat(request.authorization()).isEqualTo("Bearer " + ADMIN_TOKEN);
		String list = this.mvc.perform(get("/admin/clients").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("Home Assistant").doesNotContain("s3cr3t-shown-once-9f8e7d");
	}

	@Test
	void createsAUserAndShowsTheInitialPasswordOnce() throws Exception {
		this.backend.json("POST", "/identity/admin/v1/users", 201,
				"{\"user\":{\"username\":\"carol\",\"roles\":[\"viewer\"],\"cameras\":[\"driveway\"],"
						+ "\"mustChangePassword\":true,\"enabled\":true},\"initialPassword\":\"first-pw-7c6b5a\"}");
		String html = this.mvc
			.perform(post("/admin/users").with(admin())
				.with(csrf())
				.param("username", "carol")
				.param("roles", "viewer", "superuser")
				.param("cameras", "driveway"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("first-pw-7c6b5a").contains("carol").contains("shown only this once");
		CannedBackend.Recorded request = this.backend.requests("POST", "/identity/admin/v1/users").get(0);
		assertThat(request.body()).contains("\"username\":\"carol\"")
			.contains("\"roles\":[\"viewer\"]")
			.contains("\"cameras\":[\"driveway\"]")
			.doesNotContain("password");
	}

	@Test
	void refusesAUserWithoutRoleOrWithABadNameWithoutCallingIdentity() throws Exception {
		this.mvc.perform(post("/admin/users").with(admin()).with(csrf()).param("username", "dave"))
			.andExpect(redirectedUrl("/admin/users"));
		this.mvc
			.perform(post("/admin/users").with(admin())
				.with(csrf())
				.param("username", "<script>alert(1)</script>")
				.param("roles", "viewer"))
			.andExpect(redirectedUrl("/admin/users"));
		assertThat(this.backend.requests("POST", "/identity/admin/v1/users")).isEmpty();
	}

	@Test
	void revokesAnApiClient() throws Exception {
		this.backend.json("DELETE", "/identity/admin/v1/clients/vgl_abc123", 200, "{}");
		this.mvc.perform(post("/admin/clients/vgl_abc123/revoke").with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/admin/clients"));
		assertThat(this.backend.requests("DELETE", "/identity/admin/v1/clients/vgl_abc123")).hasSize(1);
	}

	@Test
	void savesCameraSettingsAsAPatch() throws Exception {
		this.mvc
			.perform(post("/admin/cameras/driveway").with(admin())
				.with(csrf())
				.param("name", "Front drive")
				.param("timeZone", "Europe/Berlin")
				.param("personDetection", "true")
				.param("minPersonConfidence", "60")
				.param("imageMaxAgeDays", "30")
				.param("videoMaxGb", "2"))
			.andExpect(redirectedUrl("/admin/cameras"));
		String body = this.backend.requests("PATCH", "/api/v1/cameras/driveway").get(0).body();
		assertThat(body).contains("\"name\":\"Front drive\"")
			.contains("\"timeZone\":\"Europe/Berlin\"")
			.contains("\"minPersonConfidence\":0.6")
			.contains("\"imageMaxAgeDays\":30")
			.contains("\"videoMaxBytes\":2147483648");
	}

	@Test
	void rejectsInvalidCameraSettingsWithoutCallingTheApi() throws Exception {
		String html = this.mvc
			.perform(post("/admin/cameras/driveway").with(admin())
				.with(csrf())
				.param("name", "")
				.param("timeZone", "Mars/Olympus")
				.param("minPersonConfidence", "150"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("Please correct the marked fields").contains("Not a known time zone");
		assertThat(this.backend.requests("PATCH", "/api/v1/cameras/driveway")).isEmpty();
	}

	@Test
	void showsTheAuditLog() throws Exception {
		this.mvc.perform(get("/admin/audit").with(admin()))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("media.legal-hold")
				.contains("insurance claim"));
	}

	@Test
	void placesALegalHoldOnAnEvent() throws Exception {
		this.backend.json("PUT", "/api/v1/events/driveway.1764061200000/legal-hold", 200, "{}");
		this.mvc
			.perform(post("/admin/holds").with(admin())
				.with(csrf())
				.param("target", "event")
				.param("id", "driveway.1764061200000")
				.param("hold", "true")
				.param("reason", "police request"))
			.andExpect(redirectedUrl("/admin/holds"));
		assertThat(this.backend.requests("PUT", "/api/v1/events/driveway.1764061200000/legal-hold").get(0).body())
			.contains("\"hold\":true")
			.contains("police request");
	}

	@Test
	void explainsWhenTheIdentityProviderHasNoUserAdministration() throws Exception {
		this.mvc.perform(get("/admin/users").with(admin()))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString())
				.contains("does not offer user administration"));
	}

}
