package dev.vigil.ui;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class StatsAndLiveTests extends UiTestSupport {

	@Test
	void drawsTheStatisticsAsServerRenderedSvg() throws Exception {
		String html = this.mvc.perform(get("/stats").with(viewer()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// Colours and bar lengths are SVG attributes: the CSP allows no style attributes.
		assertThat(html).contains("<svg class=\"chart wide\"")
			.contains("<rect width=\"12\" height=\"12\" rx=\"3\" fill=\"#56B4E9\">")
			.contains("data-test=\"storage-bar\" width=\"100.0\"")
			.doesNotContain("style=")
			.contains("Driveway, 2026-11-24: 40 uploads")
			.contains("90–100 %: 21 detections")
			.contains("2.0 GB")
			.contains("74</span> uploads");
	}

	@Test
	void showsTheCameraDayByHourWithHealth() throws Exception {
		String html = this.mvc.perform(get("/cameras/driveway").with(admin()).param("day", "2026-11-25"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// 09:00Z is 10:00 in Europe/Berlin. Uploads today come from today's
		// listing (the canned one holds one item), not from the API's per-UTC-
		// day arrival counter (22).
		assertThat(html).contains("id=\"hour-10\"")
			.contains("data-test=\"camera-settings\"")
			.contains("Uploads today</span>\n\t\t\t<strong>1<")
			.doesNotContain(">22<");
	}

	@Test
	void showsTheLatestUploadsOnTheLivePage() throws Exception {
		String html = this.mvc.perform(get("/live").with(viewer()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("data-live-source=\"/live/stream\"").contains("data-media-id=\"" + "a".repeat(64));
	}

	@Test
	void relaysTheCatalogStreamWithTheUsersToken() throws Exception {
		String media = "a".repeat(64);
		this.backend.stream("/api/v1/stream",
				"""
						event:ready
						data:{}

						: keep-alive

						event:uploaded
						data:{"change":"UPLOADED","mediaId":"%s","cameraId":"driveway","kind":"IMAGE","takenAt":"2026-11-25T09:00:00Z","eventId":"driveway.1764061200000","personConfidence":0.91}

						"""
					.formatted(media));
		MvcResult result = this.mvc.perform(get("/live/stream").with(viewer()))
			.andExpect(request().asyncStarted())
			.andReturn();
		String body = "";
		for (int i = 0; i < 100 && !body.contains("event:media"); i++) {
			Thread.sleep(100);
			body = result.getResponse().getContentAsString();
		}
		assertThat(body).contains("event:status")
			.contains("event:media")
			.contains("\"camera\":\"Driveway\"")
			.contains("\"time\":\"10:00:00\"")
			.contains("\"person\":91");
		assertThat(this.backend.requests("GET", "/api/v1/stream")).singleElement()
			.satisfies((request) -> assertThat(request.authorization()).isEqualTo("Bearer " + VIEWER_TOKEN));
	}

	@Test
	void listsCamerasWithHealth() throws Exception {
		String html = this.mvc.perform(get("/cameras").with(viewer()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains(">Driveway<").contains("Silent").contains("Active");
	}

}
