package dev.vigil.ui.camera;

import org.junit.jupiter.api.Test;

import dev.vigil.ui.UiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class CameraDayTests extends UiTestSupport {

	@Test
	void countsUploadsTodayLikeTheDayViewBesideIt() throws Exception {
		// catalog-api's health counter says 22 (arrivals per UTC day); the day's listing
		// holds one item captured today in the camera's zone: both figures must agree.
		String html = this.mvc.perform(get("/cameras/driveway").with(viewer()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String uploadsToday = html.substring(html.indexOf("Uploads today"));
		assertThat(uploadsToday.substring(0, uploadsToday.indexOf("</strong>"))).endsWith(">1");
		assertThat(html).contains("1 item · ");
		String overview = this.mvc.perform(get("/cameras").with(viewer()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(overview).contains("1 today").doesNotContain("22 today");
		assertThat(this.backend.requests("GET", "/api/v1/media"))
			.anySatisfy((request) -> assertThat(request.query()).contains("camera=driveway")
				.contains("from=")
				.contains("limit=200"));
	}

	@Test
	void drawsTheActivityStripWithSvgBarsNotInlineStyles() throws Exception {
		String html = this.mvc.perform(get("/cameras/driveway").param("day", "2026-11-25").with(viewer()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// The one item is at 09:00 UTC (camera zone in cameras.json): that hour is full
		// height, the others empty.
		assertThat(html).contains("y=\"0\" height=\"100\"").contains("y=\"100\" height=\"0\"").doesNotContain("style=");
	}

}
