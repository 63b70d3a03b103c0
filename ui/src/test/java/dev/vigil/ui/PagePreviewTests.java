package dev.vigil.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Renders every page with canned data into {@code target/preview/} (static HTML with the
 * real CSS/JS and real test pictures), so the pages can be looked at in a browser without
 * the running stack: {@code python3 -m http.server -d ui/target/preview}. Also proves
 * that every page renders.
 */
class PagePreviewTests extends UiTestSupport {

	private static final Path PREVIEW = Path.of("target/preview");

	private static final String NOTIFY_RULE = "7d1e0a11-2b3c-4d5e-8f90-a1b2c3d4e5f6";

	@Test
	void rendersEveryPage() throws Exception {
		this.backend.file("GET", "/api/v1/reviews/events", 200, "reviews-events.json");
		this.backend.json("GET", "/api/v1/reviews/summary", 200,
				"{\"unreviewed\":12,\"unreviewedAlerts\":4,\"capped\":false,\"nextUnreviewed\":\"driveway.1764061200000\"}");
		Map<String, MockHttpServletRequestBuilder> pages = new LinkedHashMap<>();
		pages.put("timeline", get("/").with(admin()));
		pages.put("timeline-people", get("/").param("people", "true").param("minConfidence", "50").with(viewer()));
		pages.put("cameras", get("/cameras").with(viewer()));
		pages.put("review", get("/review").with(viewer()));
		pages.put("camera", get("/cameras/driveway").param("day", "2026-11-25").with(admin()));
		pages.put("event", get("/events/driveway.1764061200000").with(admin()));
		pages.put("event-video", get("/events/driveway.1764061200000").param("m", "b".repeat(64)).with(viewer()));
		pages.put("live", get("/live").with(viewer()));
		pages.put("stats", get("/stats").with(viewer()));
		pages.put("admin-cameras", get("/admin/cameras").with(admin()));
		pages.put("admin-camera", get("/admin/cameras/driveway").with(admin()));
		pages.put("admin-clients", get("/admin/clients").with(admin()));
		pages.put("admin-client-created",
				post("/admin/clients").param("name", "Node-RED")
					.param("scopes", "media:read")
					.with(admin())
					.with(csrf()));
		pages.put("admin-holds", get("/admin/holds").with(admin()));
		pages.put("admin-audit", get("/admin/audit").with(admin()));
		pages.put("admin-users", get("/admin/users").with(admin()));
		this.backend.file("GET", "/api/v1/notifications/channels", 200, "notifications-channels.json");
		this.backend.file("GET", "/api/v1/notifications/rules", 200, "notifications-rules.json");
		this.backend.file("GET", "/api/v1/notifications/rules/" + NOTIFY_RULE, 200, "notifications-rule.json");
		this.backend.file("GET", "/api/v1/notifications/deliveries", 200, "notifications-deliveries.json");
		pages.put("admin-notifications", get("/admin/notifications").with(admin()));
		pages.put("admin-new-channel", get("/admin/notifications/channels/new").with(admin()));
		pages.put("admin-rule", get("/admin/notifications/rules/" + NOTIFY_RULE).with(admin()));
		pages.put("admin-deliveries", get("/admin/notifications/deliveries").with(admin()));
		Files.createDirectories(PREVIEW);
		String policy = null;
		for (Map.Entry<String, MockHttpServletRequestBuilder> page : pages.entrySet()) {
			MockHttpServletResponse response = this.mvc.perform(page.getValue()).andReturn().getResponse();
			String html = response.getContentAsString();
			policy = response.getHeader("Content-Security-Policy");
			// The policy allows no style attributes (issue #18): the templates use
			// classes
			// and SVG attributes instead.
			assertThat(html).as(page.getKey())
				.contains("</html>")
				.doesNotContain("Something went wrong")
				.doesNotContain(" style=")
				.doesNotContain("th:style");
			Files.writeString(PREVIEW.resolve(page.getKey() + ".html"), html, StandardCharsets.UTF_8);
		}
		this.backend.drop("GET", "/api/v1/cameras");
		Files.writeString(PREVIEW.resolve("error-unavailable.html"),
				this.mvc.perform(get("/").with(viewer())).andReturn().getResponse().getContentAsString());
		// PagesInChromiumIT serves the pages with this very header.
		assertThat(policy).contains("style-src 'self'");
		Files.writeString(PREVIEW.resolve("csp.txt"), policy);
		copyStatic();
		darkCopies();
	}

	/** Dark-theme copies ({@code dark-<page>.html}) for the preview screenshots. */
	private static void darkCopies() throws IOException {
		try (Stream<Path> files = Files.list(PREVIEW)) {
			for (Path file : files
				.filter((f) -> f.toString().endsWith(".html") && !f.getFileName().toString().startsWith("dark-"))
				.toList()) {
				String html = Files.readString(file).replaceFirst("data-theme=\"auto\"", "data-theme=\"dark\"");
				Files.writeString(PREVIEW.resolve("dark-" + file.getFileName()), html);
			}
		}
	}

	private static void copyStatic() throws IOException {
		Path statics = Path.of("src/main/resources/static");
		try (Stream<Path> files = Files.walk(statics)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path target = PREVIEW.resolve(statics.relativize(file).toString());
				Files.createDirectories(target.getParent());
				Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		media("a", "darknet/person.jpg");
		media("b", "darknet/horses.jpg");
		media("c", "darknet/dog.jpg");
	}

	private static void media(String letter, String picture) throws IOException {
		Path source = TestMedia.file(picture);
		Path directory = PREVIEW.resolve("media").resolve(letter.repeat(64));
		Files.createDirectories(directory);
		for (String variant : new String[] { "thumbnail", "original", "poster" }) {
			Files.copy(source, directory.resolve(variant), StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
