package dev.vigil.ui.event;

import org.junit.jupiter.api.Test;

import dev.vigil.ui.UiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #16: where the item shown is a clip, the event page shows the clip's summary
 * (best confidence per label, frames with each label); a picture has none.
 */
class ClipSummaryTests extends UiTestSupport {

	private static final String EVENT = "driveway.1764061200000";

	private static final String CLIP = "b".repeat(64);

	private static final String PICTURE = "a".repeat(64);

	@Test
	void showsTheBestConfidenceAndTheFramesOfEachLabelOfAClip() throws Exception {
		String html = page("/events/" + EVENT + "?m=" + CLIP);
		assertThat(html).contains("data-test=\"clip-summary\"").contains("6 sampled frames");
		String summary = html.substring(html.indexOf("data-test=\"clip-summary\""),
				html.indexOf("</section>", html.indexOf("data-test=\"clip-summary\"")));
		assertThat(summary.split("data-test=\"clip-label\"", -1)).hasSize(3);
		assertThat(summary).containsPattern("<td>person</td>\\s*<td>77 %</td>\\s*<td>3 of 6</td>\\s*<td>0:04</td>")
			.containsPattern("<td>vehicle</td>\\s*<td>64 %</td>\\s*<td>1 of 6</td>\\s*<td>0:10</td>");
	}

	@Test
	void aPictureHasNoClipSummary() throws Exception {
		assertThat(page("/events/" + EVENT + "?m=" + PICTURE)).doesNotContain("data-test=\"clip-summary\"");
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path).with(viewer()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
