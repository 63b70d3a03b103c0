package dev.vigil.ui.admin;

import org.junit.jupiter.api.Test;

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
 * Issue #18: admins delete an item or a whole event (refused on legal hold), and emptied
 * camera settings go back to the default instead of keeping the old value.
 */
class DeleteAndSettingsTests extends UiTestSupport {

	private static final String EVENT = "driveway.1764061200000";

	private static final String IMAGE = "a".repeat(64);

	private static final String VIDEO = "b".repeat(64);

	@Test
	void deletesOneItemAndSaysWhenItIsOnLegalHold() throws Exception {
		this.backend.json("DELETE", "/api/v1/media/" + IMAGE, 204, "");
		this.mvc.perform(post("/admin/media/" + IMAGE + "/delete").with(admin()).with(csrf()).param("event", EVENT))
			.andExpect(redirectedUrl("/events/" + EVENT))
			.andExpect(flash().attribute("notice", "Deleted the item and its files. The audit log has the details."));
		assertThat(this.backend.requests("DELETE", "/api/v1/media/" + IMAGE)).singleElement()
			.satisfies((request) -> assertThat(request.authorization()).isEqualTo("Bearer " + ADMIN_TOKEN));
		this.backend.json("DELETE", "/api/v1/media/" + IMAGE, 409, """
				{"type":"https://vigil.dev/problems/legal-hold","title":"Under legal hold","status":409}""");
		this.mvc.perform(post("/admin/media/" + IMAGE + "/delete").with(admin()).with(csrf()).param("event", EVENT))
			.andExpect(redirectedUrl("/events/" + EVENT + "?m=" + IMAGE))
			.andExpect(flash().attribute("problem",
					"This item is on legal hold and cannot be deleted: lift the hold first."));
	}

	@Test
	void deletesAWholeEventItemByItem() throws Exception {
		this.backend.json("DELETE", "/api/v1/media/" + IMAGE, 204, "");
		this.backend.json("DELETE", "/api/v1/media/" + VIDEO, 204, "");
		this.mvc.perform(post("/admin/events/" + EVENT + "/delete").with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andExpect(flash().attribute("notice",
					"Deleted the event (2 items) and its files. The audit log has the details."));
		assertThat(this.backend.requests()).filteredOn((request) -> "DELETE".equals(request.method()))
			.extracting(CannedBackend.Recorded::path)
			.containsExactly("/api/v1/media/" + IMAGE, "/api/v1/media/" + VIDEO);
	}

	@Test
	void refusesToDeleteAHeldEventWithoutCallingTheApi() throws Exception {
		String held = CannedBackend.read("event.json").replace("\"legalHold\": false", "\"legalHold\": true");
		assertThat(held).contains("\"legalHold\": true");
		this.backend.json("GET", "/api/v1/events/" + EVENT, 200, held);
		this.mvc.perform(post("/admin/events/" + EVENT + "/delete").with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/events/" + EVENT))
			.andExpect(flash().attribute("problem",
					"This event is on legal hold and cannot be deleted: lift the hold first."));
		assertThat(this.backend.requests()).noneMatch((request) -> "DELETE".equals(request.method()));
		assertThat(
				this.mvc.perform(get("/events/" + EVENT).with(admin())).andReturn().getResponse().getContentAsString())
			.contains("On legal hold: nothing can be deleted.");
	}

	@Test
	void listsWhatIsOnLegalHold() throws Exception {
		this.backend.file("GET", "/api/v1/reviews/events", 200, "reviews-events.json");
		String html = this.mvc.perform(get("/admin/holds").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("data-test=\"held-event\"")
			.contains("href=\"/events/" + EVENT + "\"")
			.contains("data-test=\"lift-hold\"");
		assertThat(this.backend.requests("GET", "/api/v1/reviews/events").get(0).query()).contains("held=true");
	}

	@Test
	void viewersCannotDelete() throws Exception {
		this.mvc.perform(post("/admin/media/" + IMAGE + "/delete").with(viewer()).with(csrf()).param("event", EVENT))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/events/" + EVENT + "/delete").with(viewer()).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.backend.requests()).noneMatch((request) -> "DELETE".equals(request.method()));
		assertThat(
				this.mvc.perform(get("/events/" + EVENT).with(viewer())).andReturn().getResponse().getContentAsString())
			.doesNotContain("data-test=\"delete-media\"");
	}

	@Test
	void emptiedTimeZoneAndSilentThresholdGoBackToTheDefault() throws Exception {
		this.mvc
			.perform(post("/admin/cameras/driveway").with(admin())
				.with(csrf())
				.param("name", "Driveway")
				.param("timeZone", "")
				.param("silentAfterMinutes", "")
				.param("personDetection", "true"))
			.andExpect(redirectedUrl("/admin/cameras"));
		String body = this.backend.requests("PATCH", "/api/v1/cameras/driveway").get(0).body();
		assertThat(body).contains("\"timeZone\":\"\"").contains("\"silentAfterMinutes\":0");
	}

}
