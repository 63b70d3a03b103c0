package dev.vigil.ui.admin;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.vigil.ui.UiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #18: input a person gets wrong becomes a message on the form or page, never a
 * full-page error, and nothing reaches the APIs.
 */
class FormMessagesTests extends UiTestSupport {

	@Test
	void refusesAUserLimitedToACameraThatDoesNotExist() throws Exception {
		this.mvc
			.perform(post("/admin/users").with(admin())
				.with(csrf())
				.param("username", "dave")
				.param("roles", "viewer")
				.param("cameras", "driveway, gardn"))
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("problem", "No such camera: gardn. Known cameras: driveway, garden."));
		this.mvc.perform(
				post("/admin/users/dave").with(admin()).with(csrf()).param("roles", "viewer").param("cameras", "porch"))
			.andExpect(flash().attribute("problem", "No such camera: porch. Known cameras: driveway, garden."));
		assertThat(this.backend.requests())
			.noneMatch((request) -> request.path().startsWith("/identity/admin/v1/users"));
	}

	@Test
	void refusesAnApiClientForAnUnknownCameraOnTheFormAsTyped() throws Exception {
		String html = this.mvc
			.perform(post("/admin/clients").with(admin())
				.with(csrf())
				.param("name", "Node-RED")
				.param("scopes", "media:read")
				.param("cameras", "gardn"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("No such camera: gardn.").contains("value=\"Node-RED\"").contains("value=\"gardn\"");
		assertThat(this.backend.requests("POST", "/identity/admin/v1/clients")).isEmpty();
	}

	@Test
	void keepsTheClientFormWithAMessageWhenTheExpiryIsInThePast() throws Exception {
		String html = this.mvc
			.perform(post("/admin/clients").with(admin())
				.with(csrf())
				.param("name", "Node-RED")
				.param("scopes", "media:read", "media:write")
				.param("expires", "2020-01-31"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("data-test=\"problem\"")
			.contains("is in the past")
			.contains("value=\"Node-RED\"")
			.contains("value=\"2020-01-31\"")
			.contains("min=\"" + LocalDate.now(java.time.ZoneOffset.UTC) + "\"")
			.contains("data-test=\"client-form\"");
		this.mvc
			.perform(post("/admin/clients").with(admin())
				.with(csrf())
				.param("name", "Node-RED")
				.param("scopes", "media:read")
				.param("expires", "banana"))
			.andExpect(status().isOk())
			.andExpect((result) -> assertThat(result.getResponse().getContentAsString()).contains("is not a date"));
		assertThat(this.backend.requests("POST", "/identity/admin/v1/clients")).isEmpty();
	}

	@Test
	void saysWhatAHoldIdLooksLikeWhenItIsMalformed() throws Exception {
		this.mvc
			.perform(post("/admin/holds").with(admin())
				.with(csrf())
				.param("target", "event")
				.param("id", "not an id")
				.param("hold", "true"))
			.andExpect(redirectedUrl("/admin/holds"))
			.andExpect(flash().attribute("problem",
					org.hamcrest.Matchers.startsWith("That is not an event id: it looks like porch.1764655200000")));
		this.mvc
			.perform(post("/admin/holds").with(admin())
				.with(csrf())
				.param("target", "media")
				.param("id", "abc")
				.param("hold", "true"))
			.andExpect(flash().attribute("problem", org.hamcrest.Matchers.startsWith("That is not a media id")));
		assertThat(this.backend.requests()).noneMatch((request) -> request.path().contains("legal-hold"));
	}

	@Test
	void returnsToTheEventPageOfAPerCameraMediaIdAfterAHold() throws Exception {
		this.backend.json("PUT", "/api/v1/events/driveway.1764061200000/legal-hold", 200, "{}");
		String back = "/events/driveway.1764061200000?m=driveway." + "a".repeat(64);
		this.mvc
			.perform(post("/admin/holds").with(admin())
				.with(csrf())
				.param("target", "event")
				.param("id", "driveway.1764061200000")
				.param("hold", "true")
				.param("back", back))
			.andExpect(redirectedUrl(back));
	}

	@Test
	void refusesADayBeyondTheCalendarWithThePageForABadDay() throws Exception {
		for (String page : new String[] { "/", "/cameras/driveway" }) {
			for (String day : new String[] { "+999999999-12-31", "-999999999-01-01", "+10000-01-01", "1969-12-31" }) {
				String html = this.mvc.perform(get(page).param("day", day).with(viewer()))
					.andExpect(status().isBadRequest())
					.andReturn()
					.getResponse()
					.getContentAsString();
				assertThat(html).as(page + "?day=" + day)
					.contains("day&quot; in the address must be a date between 1970-01-01 and 9999-12-31")
					.contains("data-test=\"clean-url\"");
			}
		}
	}

	@Test
	void explainsAMalformedDayInTheAddress() throws Exception {
		for (String page : new String[] { "/", "/cameras/driveway" }) {
			String html = this.mvc.perform(get(page).param("day", "banana").with(viewer()))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(html).as(page)
				.contains("day&quot; in the address must be a date like")
				.contains("data-test=\"clean-url\"")
				.doesNotContain("sign-in service");
		}
	}

}
