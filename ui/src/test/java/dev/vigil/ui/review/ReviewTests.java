package dev.vigil.ui.review;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.vigil.ui.CannedBackend;
import dev.vigil.ui.UiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reviewing like an NVR (issue #18): the unreviewed count in the menu, the review page's
 * search as sent to catalog-api, mark reviewed, next unreviewed and mark all.
 */
class ReviewTests extends UiTestSupport {

	private static final String EVENT = "driveway.1764061200000";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void showsTheUnreviewedCountInTheMenuOnEveryPage() throws Exception {
		summary(1200, 40, true, EVENT);
		for (String page : new String[] { "/", "/cameras", "/stats" }) {
			String html = html(page);
			assertThat(html).as(page).contains("data-test=\"nav-review\"").contains(">1200+</span>");
		}
	}

	@Test
	void asksForTheCountOnlyForPagesNotForEachThumbnail() throws Exception {
		summary(3, 1, false, EVENT);
		this.backend.redirect("GET", "/api/v1/media/" + "a".repeat(64) + "/content", "http://s3.example/x");
		this.mvc.perform(get("/media/" + "a".repeat(64) + "/thumbnail").with(viewer()))
			.andExpect(status().isSeeOther());
		assertThat(this.backend.requests("GET", "/api/v1/reviews/summary")).isEmpty();
		html("/");
		assertThat(this.backend.requests("GET", "/api/v1/reviews/summary")).hasSize(1);
	}

	@Test
	void hidesTheCountWhenTheCatalogCannotSayAndThePageStillWorks() throws Exception {
		// CannedBackend answers 404 for /api/v1/reviews/summary by default.
		assertThat(html("/")).contains("data-test=\"nav-review\"").doesNotContain("data-test=\"unreviewed-count\"");
	}

	@Test
	void searchesAcrossDaysCamerasLabelsAndReviewedState() throws Exception {
		summary(3, 1, false, EVENT);
		this.backend.json("GET", "/api/v1/reviews/events", 200, page(false, true));
		String html = this.mvc
			.perform(get("/review").with(viewer())
				.param("kind", "alert")
				.param("show", "unreviewed")
				.param("camera", "driveway", "garden")
				.param("from", "2026-11-20")
				.param("to", "2026-11-25")
				.param("labels", "Person, car"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("data-test=\"review-card\"")
			.contains("Mark reviewed")
			.contains("data-test=\"alert-badge\"")
			.contains("3 unreviewed, 1 of them alerts")
			.contains("href=\"/events/" + EVENT + "\" data-test=\"next-unreviewed\"");
		String query = this.backend.requests("GET", "/api/v1/reviews/events").get(0).query();
		assertThat(query).contains("camera=driveway&camera=garden")
			.contains("label=person&label=car")
			.contains("from=2026-11-20T00:00:00Z")
			.contains("to=2026-11-26T00:00:00Z")
			.contains("kind=alert")
			.contains("reviewed=false");
		this.mvc.perform(get("/review").with(viewer()).param("show", "all").param("kind", "all"))
			.andExpect(status().isOk());
		assertThat(this.backend.requests("GET", "/api/v1/reviews/events").get(1).query()).doesNotContain("kind=")
			.doesNotContain("reviewed=");
	}

	@Test
	void refusesAMalformedCameraInTheSearchWithoutCallingTheApi() throws Exception {
		this.mvc.perform(get("/review").with(viewer()).param("camera", "{\"$gt\":\"\"}"))
			.andExpect(status().isNotFound());
		assertThat(this.backend.requests("GET", "/api/v1/reviews/events")).isEmpty();
	}

	@Test
	void marksAnEventReviewedAndOpensTheNextUnreviewed() throws Exception {
		this.backend.json("PUT", "/api/v1/reviews/events/" + EVENT, 200, reviewed(true));
		summary(1, 0, false, "garden.1764061500000");
		this.mvc.perform(post("/events/" + EVENT + "/review").with(viewer()).with(csrf()).param("next", "true"))
			.andExpect(redirectedUrl("/events/garden.1764061500000"));
		assertThat(this.backend.requests("PUT", "/api/v1/reviews/events/" + EVENT).get(0).body())
			.isEqualTo("{\"reviewed\":true}");
		summary(0, 0, false, null);
		this.mvc.perform(post("/events/" + EVENT + "/review").with(viewer()).with(csrf()).param("next", "true"))
			.andExpect(redirectedUrl("/review"))
			.andExpect(flash().attribute("notice", "All caught up: nothing left to review."));
	}

	@Test
	void showsTheReviewStateOnTheEventPageAndTakesItBack() throws Exception {
		this.backend.json("GET", "/api/v1/reviews/events/" + EVENT, 200, reviewed(true));
		assertThat(html("/events/" + EVENT)).contains("data-test=\"event-review-state\">Reviewed<")
			.contains("Mark unreviewed")
			.contains("data-test=\"review-next\"");
		this.backend.json("PUT", "/api/v1/reviews/events/" + EVENT, 200, reviewed(false));
		this.mvc
			.perform(post("/events/" + EVENT + "/review").with(viewer())
				.with(csrf())
				.param("reviewed", "false")
				.param("m", "a".repeat(64)))
			.andExpect(redirectedUrl("/events/" + EVENT + "?m=" + "a".repeat(64)));
		assertThat(this.backend.requests("PUT", "/api/v1/reviews/events/" + EVENT).get(0).body())
			.isEqualTo("{\"reviewed\":false}");
	}

	@Test
	void marksAllReviewedUpToNow() throws Exception {
		this.backend.json("POST", "/api/v1/reviews/mark-all", 200,
				"{\"unreviewed\":0,\"unreviewedAlerts\":0,\"capped\":false,\"nextUnreviewed\":null}");
		this.mvc.perform(post("/review/mark-all").with(viewer()).with(csrf()))
			.andExpect(redirectedUrl("/review"))
			.andExpect(flash().attribute("notice", "Everything up to now is marked reviewed."));
		assertThat(this.backend.requests("POST", "/api/v1/reviews/mark-all").get(0).body())
			.startsWith("{\"upTo\":\"20");
		this.mvc.perform(post("/review/mark-all").with(viewer())).andExpect(status().isForbidden());
	}

	private void summary(long unreviewed, long alerts, boolean capped, String next) {
		ObjectNode summary = JSON.createObjectNode();
		summary.put("unreviewed", unreviewed);
		summary.put("unreviewedAlerts", alerts);
		summary.put("capped", capped);
		summary.put("nextUnreviewed", next);
		this.backend.json("GET", "/api/v1/reviews/summary", 200, JSON.writeValueAsString(summary));
	}

	private static String reviewed(boolean reviewed) {
		JsonNode event = JSON.readTree(CannedBackend.read("event.json"));
		ObjectNode item = JSON.createObjectNode();
		item.set("event", event);
		item.put("reviewed", reviewed);
		item.put("alert", true);
		return JSON.writeValueAsString(item);
	}

	private static String page(boolean reviewed, boolean alert) {
		ArrayNode items = JSON.createArrayNode();
		for (JsonNode event : JSON.readTree(CannedBackend.read("events.json")).path("items")) {
			ObjectNode item = items.addObject();
			item.set("event", event);
			item.put("reviewed", reviewed);
			item.put("alert", alert);
		}
		ObjectNode page = JSON.createObjectNode();
		page.set("items", items);
		page.putNull("nextCursor");
		return JSON.writeValueAsString(page);
	}

	private String html(String path) throws Exception {
		return this.mvc.perform(get(path).with(viewer()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
