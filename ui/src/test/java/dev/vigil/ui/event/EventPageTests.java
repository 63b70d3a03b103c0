package dev.vigil.ui.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.vigil.ui.CannedBackend;
import dev.vigil.ui.UiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The event page bugs of issue #18: a clip's repeated detections, the item an event opens
 * on, and where the box label goes.
 */
class EventPageTests extends UiTestSupport {

	private static final String EVENT = "porch.1764655200000";

	private static final String CLIP = "porch." + "c".repeat(64);

	private static final String PICTURE = "porch." + "d".repeat(64);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void listsAClipsRepeatedDetectionsOnceWithTheirFrameCount() throws Exception {
		cannedEvent(PICTURE);
		String html = page("/events/" + EVENT + "?m=" + CLIP);
		assertThat(count(html, "data-test=\"detection-row\"")).isEqualTo(1);
		assertThat(html).contains("in 50 frames").contains("100 %");
		// The one line's feedback covers every frame's detection.
		assertThat(count(html, "name=\"detection\"")).isEqualTo(50);
	}

	@Test
	void marksEveryFrameOfAClipLineAsNotAPerson() throws Exception {
		cannedEvent(PICTURE);
		this.backend.json("POST", "/api/v1/media/" + CLIP + "/feedback", 200,
				JSON.writeValueAsString(media(CLIP, "VIDEO", "2026-12-02T05:14:20Z", List.of())));
		this.mvc
			.perform(post("/events/" + EVENT + "/feedback").with(viewer())
				.with(csrf())
				.param("media", CLIP)
				.param("detection", "0", "1", "2")
				.param("falsePositive", "true"))
			.andExpect(status().isFound());
		assertThat(this.backend.requests("POST", "/api/v1/media/" + CLIP + "/feedback"))
			.extracting(CannedBackend.Recorded::body)
			.containsExactly("{\"detection\":0,\"falsePositive\":true}", "{\"detection\":1,\"falsePositive\":true}",
					"{\"detection\":2,\"falsePositive\":true}");
	}

	@Test
	void opensOnTheItemTheEventIsKnownByWhenNoneIsChosen() throws Exception {
		// The clip comes first in time and has nothing detected; the event's card shows
		// the
		// picture with the person.
		cannedEvent(PICTURE);
		String html = page("/events/" + EVENT);
		assertThat(html).contains("data-media-id=\"" + PICTURE + "\"");
		// The timeline card links to that item directly.
		this.backend.json("GET", "/api/v1/events", 200,
				"{\"items\":[" + JSON.writeValueAsString(event(PICTURE, false)) + "],\"nextCursor\":null}");
		assertThat(page("/")).contains("/events/" + EVENT + "?m=" + PICTURE);
	}

	@Test
	void opensOnTheMostConfidentPersonWhenTheEventNamesNoItem() throws Exception {
		cannedEvent(null);
		assertThat(page("/events/" + EVENT)).contains("data-media-id=\"" + PICTURE + "\"");
	}

	@Test
	void drawsTheBoxLabelOnTheBoxEdgeInsideTheOverlay() throws Exception {
		cannedEvent(PICTURE);
		String html = page("/events/" + EVENT);
		String overlay = html.substring(html.indexOf("<svg class=\"boxes\""),
				html.indexOf("</svg>", html.indexOf("<svg class=\"boxes\"")));
		// Box at (200, 120) in a 1280-pixel-wide picture: the label is 1280/46 = 27.8 px
		// high and sits right above the box's top edge, at its left edge.
		assertThat(overlay).contains("x=\"200\" y=\"120\" width=\"100\" height=\"300\"")
			.contains("class=\"box-label-bg\"")
			.contains("x=\"200.0\" y=\"81.04347826086956\"")
			.contains(">person 100 %</text>");
		assertThat(html).doesNotContain("box-labels").doesNotContain("style=");
	}

	private void cannedEvent(String thumbnail) {
		this.backend.json("GET", "/api/v1/events/" + EVENT, 200, JSON.writeValueAsString(event(thumbnail, true)));
		this.backend.json("GET", "/api/v1/cameras/porch", 200, """
				{"id":"porch","name":"Porch","timeZone":"Europe/Berlin"}""");
	}

	private static Map<String, Object> event(String thumbnail, boolean withMedia) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("id", EVENT);
		event.put("cameraId", "porch");
		event.put("start", "2026-12-02T05:14:00Z");
		event.put("end", "2026-12-02T05:15:00Z");
		event.put("mediaCount", 3);
		event.put("imageCount", 1);
		event.put("videoCount", 2);
		event.put("totalBytes", 4_000_000);
		event.put("thumbnailMediaId", thumbnail);
		event.put("maxPersonConfidence", 1.0);
		event.put("labels", List.of(Map.of("label", "person", "confidence", 1.0)));
		event.put("legalHold", false);
		if (withMedia) {
			List<Map<String, Object>> frames = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				frames.add(detection(i, (i == 7) ? 1.0 : 0.8, 4000 + i * 500L));
			}
			event.put("media",
					List.of(media("porch." + "e".repeat(64), "VIDEO", "2026-12-02T05:14:00Z", List.of()),
							media(PICTURE, "IMAGE", "2026-12-02T05:14:10Z", List.of(detection(0, 1.0, null))),
							media(CLIP, "VIDEO", "2026-12-02T05:14:20Z", frames)));
		}
		return event;
	}

	private static Map<String, Object> media(String id, String kind, String takenAt,
			List<Map<String, Object>> detections) {
		Map<String, Object> media = new LinkedHashMap<>();
		media.put("id", id);
		media.put("cameraId", "porch");
		media.put("kind", kind);
		media.put("contentType", "VIDEO".equals(kind) ? "video/mp4" : "image/jpeg");
		media.put("sizeBytes", 1_000_000);
		media.put("takenAt", takenAt);
		media.put("eventId", EVENT);
		media.put("status", "OK");
		media.put("width", 1280);
		media.put("height", 720);
		media.put("detections", detections);
		media.put("variants", List.of("original", "thumbnail"));
		media.put("legalHold", false);
		return media;
	}

	private static Map<String, Object> detection(int index, double confidence, Long frameMs) {
		Map<String, Object> detection = new LinkedHashMap<>();
		detection.put("index", index);
		detection.put("label", "person");
		detection.put("confidence", confidence);
		detection.put("box", Map.of("x", 200, "y", 120, "width", 100, "height", 300));
		detection.put("frameMs", frameMs);
		detection.put("falsePositive", false);
		return detection;
	}

	private String page(String url) throws Exception {
		return this.mvc.perform(get(url).with(viewer()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static int count(String html, String needle) {
		int count = 0;
		for (int at = html.indexOf(needle); at >= 0; at = html.indexOf(needle, at + 1)) {
			count++;
		}
		return count;
	}

}
