package dev.vigil.ui.timeline;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.MvcResult;

import dev.vigil.ui.CannedBackend;
import dev.vigil.ui.UiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class TimelineTests extends UiTestSupport {

	@Test
	void showsTodaysEventsWithCameraTimeAndPersonBadge() throws Exception {
		String html = this.mvc.perform(get("/").with(viewer()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("data-event-id=\"driveway.1764061200000\"")
			.contains(">Driveway<")
			// 09:00:00Z shown in the camera's own zone (Europe/Berlin).
			.contains(">10:00:00<")
			.contains("91 %")
			.contains("/media/" + "a".repeat(64) + "/thumbnail")
			.contains("42 s")
			.contains("href=\"/?cursor=MTc2NDA1NzYwMDAwMDpnYXJkZW4uMTc2NDA1NzYwMDAwMA");
	}

	@Test
	void relaysTheUsersAccessTokenToCatalogApi() throws Exception {
		this.mvc.perform(get("/").with(viewer())).andExpect(status().isOk());
		assertThat(this.backend.requests("GET", "/api/v1/events")).singleElement()
			.satisfies((request) -> assertThat(request.authorization()).isEqualTo("Bearer " + VIEWER_TOKEN));
		assertThat(this.backend.requests("GET", "/api/v1/cameras"))
			.allSatisfy((request) -> assertThat(request.authorization()).isEqualTo("Bearer " + VIEWER_TOKEN));
	}

	@Test
	void passesPeopleOnlyAndConfidenceFiltersToTheApi() throws Exception {
		this.mvc
			.perform(get("/").with(viewer())
				.param("camera", "driveway")
				.param("day", "2026-11-24")
				.param("people", "true")
				.param("minConfidence", "60"))
			.andExpect(status().isOk());
		String query = this.backend.requests("GET", "/api/v1/events").get(0).query();
		assertThat(query).contains("camera=driveway")
			.contains("label=person")
			.contains("minConfidence=0.6")
			.contains("from=2026-11-24T00:00:00Z")
			.contains("to=2026-11-25T00:00:00Z");
	}

	@Test
	void passesTheDetectedLabelFilterToTheApiAndKeepsItInTheLinks() throws Exception {
		String html = this.mvc.perform(get("/").with(viewer()).param("label", "vehicle").param("minConfidence", "40"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String query = this.backend.requests("GET", "/api/v1/events").get(0).query();
		assertThat(query).contains("label=vehicle").contains("minConfidence=0.4").doesNotContain("label=person");
		assertThat(html).contains("<option value=\"vehicle\" selected=\"selected\">Vehicles</option>")
			.contains("label=vehicle&amp;minConfidence=40");
	}

	@Test
	void refusesALabelTheDetectorsDoNotReport() throws Exception {
		this.mvc.perform(get("/").with(viewer()).param("label", "{\"$ne\":null}")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/").with(viewer()).param("label", "toaster")).andExpect(status().isBadRequest());
		assertThat(this.backend.requests("GET", "/api/v1/events")).isEmpty();
	}

	@Test
	void escapesMarkupInCameraNamesAndLabels() throws Exception {
		this.mvc.perform(get("/").with(viewer()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<script>alert"))))
			.andExpect(content().string(containsString("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;Garden")));
	}

	@Test
	void refusesMalformedFilterValues() throws Exception {
		this.mvc.perform(get("/").with(viewer()).param("camera", "{\"$gt\":\"\"}")).andExpect(status().isBadRequest());
		assertThat(this.backend.requests("GET", "/api/v1/events")).isEmpty();
	}

	@Test
	void marksEventsNewSinceTheLastVisit() throws Exception {
		MvcResult first = this.mvc.perform(get("/").with(viewer())).andExpect(status().isOk()).andReturn();
		Cookie seen = first.getResponse().getCookies()[0];
		assertThat(seen.getName()).startsWith("vigil_seen_");
		assertThat(first.getResponse().getContentAsString()).doesNotContain("new-since-last-visit");
		// A visit between the two events: only the 09:00 event is new.
		long between = java.time.Instant.parse("2026-11-25T08:30:00Z").toEpochMilli();
		String html = this.mvc
			.perform(get("/").with(viewer()).cookie(new Cookie(seen.getName(), String.valueOf(between))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("data-test=\"new-since-last-visit\"")
			.contains("new event since your last visit")
			.contains("data-test=\"seen-divider\"");
	}

	@Test
	void showsAFriendlyEmptyState() throws Exception {
		this.backend.json("GET", "/api/v1/events", 200, "{\"items\":[],\"nextCursor\":null}");
		this.mvc.perform(get("/").with(viewer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("All quiet today")));
	}

	@Test
	void showsAFriendlyPageWhenTheCatalogIsDown() throws Exception {
		this.backend.json("GET", "/api/v1/events", 500, CannedBackend.read("problem-500.json"));
		this.mvc.perform(get("/").with(viewer()))
			.andExpect(status().isBadGateway())
			.andExpect(content().string(containsString("Something went wrong on our side")))
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Test
	void showsAFriendlyPageWhenTheCatalogCannotBeReached() throws Exception {
		this.backend.drop("GET", "/api/v1/cameras");
		this.mvc.perform(get("/").with(viewer()))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("Vigil cannot reach its catalog right now")))
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Test
	void explainsAForbiddenCamera() throws Exception {
		this.backend.json("GET", "/api/v1/events", 403, CannedBackend.read("problem-403.json"));
		this.mvc.perform(get("/").with(viewer()).param("camera", "garden"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("You do not have access to this")))
			.andExpect(content().string(containsString("not allowed to see camera garden")));
	}

	@Test
	void startsANewSignInWhenTheApiRejectsTheToken() throws Exception {
		this.backend.json("GET", "/api/v1/cameras", 401, "");
		this.mvc.perform(get("/").with(viewer()))
			.andExpect(status().isFound())
			.andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
				.startsWith(this.backend.issuer() + "/oauth2/authorize"));
	}

}
