package dev.vigil.ui.security;

import org.junit.jupiter.api.Test;

import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.test.web.servlet.MvcResult;

import dev.vigil.ui.UiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SecurityTests extends UiTestSupport {

	@Test
	void sendsAnonymousVisitorsToSignIn() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/oauth2/authorization/vigil"));
	}

	@Test
	void returnsToTheRequestedPageAfterANewSignIn() throws Exception {
		MvcResult result = this.mvc.perform(get("/cameras/driveway?day=2026-11-24"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/oauth2/authorization/vigil"))
			.andReturn();
		SavedRequest saved = new HttpSessionRequestCache().getRequest(result.getRequest(), result.getResponse());
		assertThat(saved).isNotNull();
		assertThat(saved.getRedirectUrl()).contains("/cameras/driveway").contains("day=2026-11-24");
	}

	@Test
	void startsAuthorizationCodeFlowWithPkceAtTheConfiguredIssuer() throws Exception {
		this.mvc.perform(get("/oauth2/authorization/vigil"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", startsWith(this.backend.issuer() + "/oauth2/authorize?")))
			.andExpect(header().string("Location", containsString("response_type=code")))
			.andExpect(header().string("Location", containsString("client_id=vigil-ui")))
			.andExpect(header().string("Location", containsString("code_challenge=")))
			.andExpect(header().string("Location", containsString("code_challenge_method=S256")));
	}

	@Test
	void refusesAdminPagesToViewers() throws Exception {
		this.mvc.perform(get("/admin/cameras").with(viewer())).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/clients").with(viewer())).andExpect(status().isForbidden());
	}

	@Test
	void refusesForgedAdminPostsFromViewersEvenWithAValidCsrfToken() throws Exception {
		this.mvc
			.perform(
					post("/admin/clients").with(viewer()).with(csrf()).param("name", "stolen").param("scopes", "admin"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/cameras/driveway").with(viewer()).with(csrf()).param("name", "x"))
			.andExpect(status().isForbidden());
		this.mvc.perform(
				post("/admin/users").with(viewer()).with(csrf()).param("username", "mallory").param("roles", "admin"))
			.andExpect(status().isForbidden());
		assertThat(this.backend.requests("POST", "/identity/admin/v1/clients")).isEmpty();
		assertThat(this.backend.requests("PATCH", "/api/v1/cameras/driveway")).isEmpty();
	}

	@Test
	void refusesFormPostsWithoutCsrfToken() throws Exception {
		this.mvc.perform(post("/admin/clients").with(admin()).param("name", "x").param("scopes", "media:read"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/events/driveway.1764061200000/feedback").with(viewer())
				.param("media", "a".repeat(64))
				.param("detection", "0"))
			.andExpect(status().isForbidden());
		assertThat(this.backend.requests("POST", "/identity/admin/v1/clients")).isEmpty();
	}

	@Test
	void signsOutAtTheIssuerToo() throws Exception {
		this.mvc.perform(post("/logout").with(viewer()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", startsWith(this.backend.issuer() + "/connect/logout")))
			.andExpect(header().string("Location", containsString("post_logout_redirect_uri=")));
	}

	@Test
	void buildsSignInAndSignOutUrisFromThePublicUrlNotTheHostHeader() throws Exception {
		String redirect = "redirect_uri=http://localhost:8080/login/oauth2/code/vigil";
		this.mvc.perform(get("/oauth2/authorization/vigil").header("Host", "evil.example").with(evilHost()))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", containsString(redirect)))
			.andExpect(header().string("Location", not(containsString("evil.example"))));
		this.mvc.perform(post("/logout").with(viewer()).with(csrf()).header("Host", "evil.example").with(evilHost()))
			.andExpect(status().isFound())
			.andExpect(header().string("Location",
					containsString("post_logout_redirect_uri=http://localhost:8080/signed-out")))
			.andExpect(header().string("Location", not(containsString("evil.example"))));
	}

	@Test
	void aSessionThatNeverSignedInLivesMinutesASignedInOneHours() throws Exception {
		MvcResult anonymous = this.mvc.perform(get("/cameras/driveway")).andExpect(status().isFound()).andReturn();
		assertThat(anonymous.getRequest().getSession(false)).isNotNull();
		assertThat(anonymous.getRequest().getSession(false).getMaxInactiveInterval()).isEqualTo(5 * 60);

		org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
		this.mvc.perform(get("/admin/cameras").with(admin()).session(session));
		assertThat(session.getMaxInactiveInterval()).isEqualTo(8 * 60 * 60);
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor evilHost() {
		return (request) -> {
			request.setServerName("evil.example");
			return request;
		};
	}

	@Test
	void servesStaticAssetsAndHealthWithoutSignIn() throws Exception {
		this.mvc.perform(get("/css/app.css")).andExpect(status().isOk());
		this.mvc.perform(get("/js/app.js")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
	}

	@Test
	void sendsSecurityHeaders() throws Exception {
		this.mvc.perform(get("/").with(viewer()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

}
