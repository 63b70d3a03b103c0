package dev.vigil.ui.event;

import org.junit.jupiter.api.Test;

import dev.vigil.ui.CannedBackend;
import dev.vigil.ui.UiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class EventTests extends UiTestSupport {

	static final String EVENT = "driveway.1764061200000";

	static final String IMAGE = "a".repeat(64);

	static final String VIDEO = "b".repeat(64);

	@Test
	void showsTheEventsMediaInCaptureOrderWithAVideoPlayer() throws Exception {
		String html = this.mvc.perform(get("/events/" + EVENT).with(viewer()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// The image (09:00:00) comes before the clip (09:00:42): it is shown first.
		assertThat(html).contains("data-media-id=\"" + IMAGE + "\"")
			.contains("id=\"next-media\"")
			.contains("/events/" + EVENT + "?m=" + VIDEO)
			.contains("data-test=\"filmstrip-item\"");
		String video = this.mvc.perform(get("/events/" + EVENT).param("m", VIDEO).with(viewer()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(video).contains("<video")
			.contains("src=\"/media/" + VIDEO + "/rendition\"")
			.contains("poster=\"/media/" + VIDEO + "/poster\"")
			.contains("id=\"prev-media\"");
		assertThat(this.backend.requests("GET", "/api/v1/media"))
			.allSatisfy((request) -> assertThat(request.query()).contains("eventId=" + EVENT));
	}

	@Test
	void drawsDetectionBoxesOverThePicture() throws Exception {
		String html = this.mvc.perform(get("/events/" + EVENT).with(viewer()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("viewBox=\"0 0 640 424\"")
			.contains("x=\"190\" y=\"98\" width=\"86\" height=\"280\"")
			.contains("person 91 %")
			.contains("dog 55 %")
			.contains("data-test=\"not-a-person\"");
	}

	@Test
	void sendsNotAPersonFeedbackToTheApi() throws Exception {
		this.mvc
			.perform(post("/events/" + EVENT + "/feedback").with(viewer())
				.with(csrf())
				.param("media", IMAGE)
				.param("detection", "0")
				.param("falsePositive", "true"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/events/" + EVENT + "?m=" + IMAGE))
			.andExpect(flash().attribute("notice", "Thanks: marked as not a person."));
		CannedBackend.Recorded request = this.backend.requests("POST", "/api/v1/media/" + IMAGE + "/feedback").get(0);
		assertThat(request.body()).contains("\"detection\":0").contains("\"falsePositive\":true");
		assertThat(request.authorization()).isEqualTo("Bearer " + VIEWER_TOKEN);
	}

	@Test
	void explainsWhenTheApiRefusesFeedback() throws Exception {
		this.backend.json("POST", "/api/v1/media/" + IMAGE + "/feedback", 403, CannedBackend.read("problem-403.json"));
		this.mvc
			.perform(post("/events/" + EVENT + "/feedback").with(viewer())
				.with(csrf())
				.param("media", IMAGE)
				.param("detection", "0"))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("problem",
					"Your account may not give detection feedback. Ask an administrator for the media:write permission."));
	}

	@Test
	void sendsTheBrowserToThePresignedUrl() throws Exception {
		String presigned = "http://s3.example/vigil-media/derived/x/thumb.jpg?X-Amz-Signature=abc";
		this.backend.redirect("GET", "/api/v1/media/" + IMAGE + "/content", presigned);
		this.mvc.perform(get("/media/" + IMAGE + "/thumbnail").with(viewer()))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", presigned));
		CannedBackend.Recorded request = this.backend.requests("GET", "/api/v1/media/" + IMAGE + "/content").get(0);
		assertThat(request.query()).isEqualTo("variant=thumbnail&download=false");
		assertThat(request.authorization()).isEqualTo("Bearer " + VIEWER_TOKEN);
	}

	@Test
	void downloadsTheOriginalUnderTheNameCatalogApiGivesIt() throws Exception {
		String presigned = "http://s3.example/vigil-media/originals/x.jpg?response-content-disposition=attachment"
				+ "%3B%20filename%3D%22driveway_2026-11-25_100000.jpg%22&X-Amz-Signature=abc";
		this.backend.redirect("GET", "/api/v1/media/" + IMAGE + "/content", presigned);
		this.mvc.perform(get("/media/" + IMAGE + "/original").param("download", "true").with(viewer()))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", presigned));
		assertThat(this.backend.requests("GET", "/api/v1/media/" + IMAGE + "/content").get(0).query())
			.isEqualTo("variant=original&download=true");
	}

	@Test
	void exportsTheEventAsAZipUnderTheNameCatalogApiGivesIt() throws Exception {
		String html = this.mvc.perform(get("/events/" + EVENT).with(viewer()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("href=\"/events/" + EVENT + "/export\"").contains("data-test=\"export-event\"");
		this.backend.attachment("/api/v1/events/" + EVENT + "/export", "application/zip",
				"driveway_2025-11-25_1000.zip", "PK-zip-bytes");
		this.mvc.perform(get("/events/" + EVENT + "/export").with(viewer()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/zip"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"driveway_2025-11-25_1000.zip\""))
			.andExpect((result) -> assertThat(result.getResponse().getContentAsString()).isEqualTo("PK-zip-bytes"));
		CannedBackend.Recorded request = this.backend.requests("GET", "/api/v1/events/" + EVENT + "/export").get(0);
		assertThat(request.authorization()).isEqualTo("Bearer " + VIEWER_TOKEN);
		this.mvc.perform(get("/events/x;y/export").with(viewer())).andExpect(status().is4xxClientError());
	}

	@Test
	void refusesMalformedIdsAndVariantsWithoutCallingTheApi() throws Exception {
		this.mvc.perform(get("/media/../../etc/passwd/original").with(viewer())).andExpect(status().is4xxClientError());
		this.mvc.perform(get("/media/abc/original").with(viewer())).andExpect(status().isNotFound());
		this.mvc.perform(get("/media/" + IMAGE + "/secret").with(viewer())).andExpect(status().isNotFound());
		this.mvc.perform(get("/events/x;y").with(viewer())).andExpect(status().is4xxClientError());
		this.mvc.perform(get("/events/driveway").with(viewer())).andExpect(status().isNotFound());
		assertThat(this.backend.requests()).noneMatch((request) -> request.path().startsWith("/api/v1/media/"));
	}

	@Test
	void saysWhenAnEventIsGone() throws Exception {
		this.mvc.perform(get("/events/driveway.1").with(viewer()))
			.andExpect(status().isNotFound())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("Not found")
				.contains("deleted by retention"));
	}

}
