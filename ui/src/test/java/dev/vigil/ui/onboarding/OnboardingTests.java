package dev.vigil.ui.onboarding;

import org.junit.jupiter.api.Test;

import dev.vigil.ui.CannedBackend;
import dev.vigil.ui.UiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OnboardingTests extends UiTestSupport {

	private static final String EDGES = """
			[{"id":"edge-garage","online":true,"lastHeardAt":"2026-12-02T06:20:00Z","version":"0.1.0-SNAPSHOT",
			"spoolDepth":12,"spoolBytes":2247104,"freeDiskBytes":21474836480,"cameras":3,
			"endpoints":[{"protocol":"FTP","host":"192.168.1.20","port":2121,"passivePorts":"30000-30049"}]}]""";

	private static final String SETUP = """
			{"cameraId":"porch","edgeNodeId":"edge-garage","edgeOnline":true,"protocol":"FTP","host":"192.168.1.20",
			"port":2121,"passivePorts":"30000-30049","user":"porch","remoteDirectory":"/"}""";

	private static final String PASSWORD = "Pw-shown-once-0123456789";

	@Test
	void addsACameraAndShowsItsSettingsAndThePasswordOnce() throws Exception {
		this.backend.json("GET", "/api/v1/edges", 200, EDGES);
		this.backend.json("POST", "/api/v1/cameras", 201, "{\"camera\":{\"id\":\"porch\",\"name\":\"Porch\"},\"setup\":"
				+ SETUP + ",\"password\":\"" + PASSWORD + "\"}");
		String form = this.mvc.perform(get("/admin/cameras/new").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("edge-garage (online)").contains("FTPS (FTP with explicit TLS)").contains("SFTP");

		String html = this.mvc
			.perform(post("/admin/cameras/new").with(admin())
				.with(csrf())
				.param("name", " Porch ")
				.param("edgeNodeId", "edge-garage")
				.param("protocol", "FTP")
				.param("timeZone", "Europe/Berlin")
				.param("allowedSources", "192.168.1.0/24, 10.0.0.7"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains(PASSWORD)
			.contains("shown only this once")
			.contains("192.168.1.20")
			.contains("2121")
			.contains("30000-30049")
			.contains("Waiting for the first upload")
			.contains("Hikvision")
			.contains("Dahua / Amcrest")
			.contains("Reolink")
			.contains("Axis")
			.contains("Foscam");
		CannedBackend.Recorded request = this.backend.requests("POST", "/api/v1/cameras").get(0);
		assertThat(request.authorization()).isEqualTo("Bearer " + ADMIN_TOKEN);
		assertThat(request.body()).contains("\"name\":\"Porch\"")
			.contains("\"edgeNodeId\":\"edge-garage\"")
			.contains("\"timeZone\":\"Europe/Berlin\"")
			.contains("\"allowedSources\":[\"192.168.1.0/24\",\"10.0.0.7\"]");
	}

	@Test
	void theSettingsPageLaterNeverShowsAPasswordAndReportsTheFirstUpload() throws Exception {
		this.backend.json("GET", "/api/v1/cameras/driveway/setup", 200, SETUP.replace("porch", "driveway"));
		String html = this.mvc.perform(get("/admin/cameras/driveway/setup").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("shown only when it is made").doesNotContain(PASSWORD).contains("Uploads arrive");
		String state = this.mvc.perform(get("/admin/cameras/driveway/first-upload").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(state).contains("\"arrived\":true");
	}

	@Test
	void showsTheCatalogsRefusalOnTheFormAndKeepsTheInput() throws Exception {
		this.backend.json("GET", "/api/v1/edges", 200, EDGES);
		this.backend.json("POST", "/api/v1/cameras", 409,
				"{\"type\":\"https://vigil.dev/problems/camera-exists\",\"title\":\"Camera exists\",\"status\":409,"
						+ "\"detail\":\"A camera with id porch already exists\"}");
		String html = this.mvc
			.perform(post("/admin/cameras/new").with(admin())
				.with(csrf())
				.param("name", "Porch")
				.param("edgeNodeId", "edge-garage")
				.param("protocol", "FTP"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("A camera with id porch already exists").contains("value=\"Porch\"");
	}

	@Test
	void refusesBadInputWithoutCallingTheCatalog() throws Exception {
		this.backend.json("GET", "/api/v1/edges", 200, EDGES);
		this.mvc
			.perform(post("/admin/cameras/new").with(admin())
				.with(csrf())
				.param("name", "Porch")
				.param("edgeNodeId", "edge-garage")
				.param("protocol", "TELNET"))
			.andExpect(status().isOk());
		this.mvc
			.perform(post("/admin/cameras/new").with(admin())
				.with(csrf())
				.param("name", "Porch")
				.param("edgeNodeId", "edge-garage")
				.param("timeZone", "Mars/Olympus"))
			.andExpect(status().isOk());
		assertThat(this.backend.requests("POST", "/api/v1/cameras")).isEmpty();
	}

	@Test
	void resetsThePasswordDisablesAndDeletesKeepingMediaByDefault() throws Exception {
		this.backend.json("POST", "/api/v1/cameras/driveway/password", 200,
				"{\"setup\":" + SETUP.replace("porch", "driveway") + ",\"password\":\"" + PASSWORD + "\"}");
		this.backend.json("DELETE", "/api/v1/cameras/driveway", 200,
				"{\"cameraId\":\"driveway\",\"deleteMedia\":false,\"mediaDeleted\":0,\"mediaKeptOnHold\":0}");
		String reset = this.mvc.perform(post("/admin/cameras/driveway/password").with(admin()).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(reset).contains(PASSWORD);

		this.mvc.perform(post("/admin/cameras/driveway/enabled").with(admin()).with(csrf()).param("enabled", "false"))
			.andExpect(redirectedUrl("/admin/cameras/driveway/setup"));
		assertThat(this.backend.requests("PATCH", "/api/v1/cameras/driveway").get(0).body())
			.isEqualTo("{\"enabled\":false}");

		this.mvc.perform(post("/admin/cameras/driveway/delete").with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/admin/cameras"));
		assertThat(this.backend.requests("DELETE", "/api/v1/cameras/driveway").get(0).query())
			.isEqualTo("deleteMedia=false");
	}

	@Test
	void listsEdgeNodes() throws Exception {
		this.backend.json("GET", "/api/v1/edges", 200, EDGES);
		String html = this.mvc.perform(get("/admin/edges").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("edge-garage").contains("online").contains("12 waiting").contains("0.1.0-SNAPSHOT");
	}

	@Test
	void viewersCannotAddCameras() throws Exception {
		this.mvc
			.perform(post("/admin/cameras/new").with(viewer())
				.with(csrf())
				.param("name", "Porch")
				.param("edgeNodeId", "edge-garage")
				.param("protocol", "FTP"))
			.andExpect(status().isForbidden());
		assertThat(this.backend.requests("POST", "/api/v1/cameras")).isEmpty();
	}

}
