package dev.vigil.ui.admin;

import org.junit.jupiter.api.Test;

import dev.vigil.ui.UiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #16 "more than people": every label the detector reports (person, vehicle,
 * animal) has its own switch and minimum confidence on the camera settings page, and
 * catalog-api's refusal shows on the form.
 */
class DetectionLabelsTests extends UiTestSupport {

	private static final String STORED = """
			{"id":"driveway","name":"Driveway","timeZone":"Europe/Berlin",
			"detection":{"personDetection":true,"minPersonConfidence":0.5,"minBoxHeight":40,
			"labels":{"person":{"enabled":true,"minConfidence":0.55},"vehicle":{"enabled":false,"minConfidence":null},
			"animal":{"enabled":true,"minConfidence":0.7}}}}""";

	@Test
	void showsEachLabelsStoredSettingsOnTheForm() throws Exception {
		this.backend.json("GET", "/api/v1/cameras/driveway", 200, STORED);
		String html = page("/admin/cameras/driveway");
		// labels.person wins over the older person fields, as catalog-api publishes it.
		assertThat(html).containsPattern("name=\"minPersonConfidence\"[^>]*value=\"55\"")
			.containsPattern("name=\"minAnimalConfidence\"[^>]*value=\"70\"")
			.containsPattern("id=\"personDetection1\"[^>]*checked")
			.containsPattern("id=\"animalDetection1\"[^>]*checked")
			.doesNotContainPattern("id=\"vehicleDetection1\"[^>]*checked")
			.contains("<span>Minimum vehicle confidence (%)</span>");
		// Number fields, not auto-submitting sliders: arrow keys change the value only.
		assertThat(html).doesNotContain("type=\"range\"").doesNotContain("data-autosubmit");
	}

	@Test
	void aCameraWithoutSettingsHasEveryLabelOnWithTheDefaultThreshold() throws Exception {
		String html = page("/admin/cameras/garden");
		assertThat(html).containsPattern("id=\"vehicleDetection1\"[^>]*checked")
			.containsPattern("id=\"animalDetection1\"[^>]*checked")
			.containsPattern("name=\"minVehicleConfidence\"[^>]*value=\"\"");
	}

	@Test
	void savesAllThreeLabelsInOnePatch() throws Exception {
		this.mvc
			.perform(post("/admin/cameras/driveway").with(admin())
				.with(csrf())
				.param("name", "Driveway")
				.param("personDetection", "true")
				.param("_personDetection", "on")
				.param("minPersonConfidence", "60")
				.param("_vehicleDetection", "on")
				.param("animalDetection", "true")
				.param("_animalDetection", "on")
				.param("minAnimalConfidence", "75"))
			.andExpect(redirectedUrl("/admin/cameras"));
		String body = this.backend.requests("PATCH", "/api/v1/cameras/driveway").get(0).body();
		assertThat(body).contains("\"personDetection\":true,\"minPersonConfidence\":0.6")
			.contains("\"labels\":{\"person\":{\"enabled\":true,\"minConfidence\":0.6},"
					+ "\"vehicle\":{\"enabled\":false,\"minConfidence\":null},"
					+ "\"animal\":{\"enabled\":true,\"minConfidence\":0.75}}");
	}

	@Test
	void refusesAnOutOfRangeThresholdOnTheFormWithoutCallingTheApi() throws Exception {
		String html = this.mvc
			.perform(post("/admin/cameras/driveway").with(admin())
				.with(csrf())
				.param("name", "Driveway")
				.param("minVehicleConfidence", "101")
				.param("minAnimalConfidence", "-1"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("Please correct the marked fields");
		assertThat(count(html, "class=\"error\"")).isEqualTo(2);
		assertThat(this.backend.requests("PATCH", "/api/v1/cameras/driveway")).isEmpty();
	}

	@Test
	void showsCatalogsRefusalOnTheFormInsteadOfAnErrorPage() throws Exception {
		this.backend.json("PATCH", "/api/v1/cameras/driveway", 400,
				"""
						{"type":"https://vigil.dev/problems/validation","title":"Invalid request","status":400,
						"detail":"detection.labels[vehicle].minConfidence: must be less than or equal to 1.0",
						"errors":[{"field":"detection.labels[vehicle].minConfidence","problem":"must be less than or equal to 1.0"},
						{"field":"detection.zones","problem":"size must be between 0 and 16"}]}""");
		String html = this.mvc
			.perform(post("/admin/cameras/driveway").with(admin())
				.with(csrf())
				.param("name", "Driveway")
				.param("vehicleDetection", "true")
				.param("minVehicleConfidence", "90"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("data-test=\"camera-form\"")
			.contains("must be less than or equal to 1.0")
			.contains("data-test=\"camera-refused\"")
			.contains("detection.zones: size must be between 0 and 16");
		// catalog-api's body validation sends only a detail: that goes above the form.
		this.backend.json("PATCH", "/api/v1/cameras/driveway", 400, """
				{"type":"https://vigil.dev/problems/validation","title":"Invalid request","status":400,
				"detail":"detection.labels: must be person, vehicle or animal"}""");
		assertThat(
				this.mvc.perform(post("/admin/cameras/driveway").with(admin()).with(csrf()).param("name", "Driveway"))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString())
			.contains("catalog-api refused the settings: detection.labels: must be person, vehicle or animal");
	}

	@Test
	void theCameraListAndTheCameraPageSayWhatIsDetected() throws Exception {
		this.backend.json("GET", "/api/v1/cameras", 200, "[" + STORED + "]");
		assertThat(page("/admin/cameras")).contains("person ≥ 55 %, vehicle off, animal ≥ 70 %");
		this.backend.json("GET", "/api/v1/cameras/driveway", 200, STORED);
		assertThat(page("/cameras/driveway")).contains("Detects person ≥ 55 %, vehicle off, animal ≥ 70 %");
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path).with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static int count(String html, String needle) {
		return html.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
	}

}
