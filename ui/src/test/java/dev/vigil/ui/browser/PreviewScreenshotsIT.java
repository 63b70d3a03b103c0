package dev.vigil.ui.browser;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A preview tool, not a test of the system: captures the pages that
 * {@code PagePreviewTests} rendered from canned data into {@code target/preview} (dark
 * theme), into {@code docs/screenshots/preview/}. Runs only with
 * {@code -Dvigil.preview=true}; the real screenshots come from {@link UiBrowserIT}
 * against the running stack.
 */
class PreviewScreenshotsIT {

	private static final List<String> BOTH = List.of("timeline", "review", "event", "event-video", "camera", "live",
			"stats", "admin-clients");

	private static final List<String> DESKTOP = List.of("cameras", "timeline-people", "admin-camera",
			"admin-client-created", "admin-audit", "error-unavailable");

	@Test
	void capturesThePreviewPages() throws Exception {
		Assumptions.assumeTrue(Boolean.getBoolean("vigil.preview"), "Preview tool: run with -Dvigil.preview=true");
		Assumptions.assumeTrue(Chromium.available(), "Install Debian's chromium and chromium-driver");
		Path pages = Path.of("target/preview").toAbsolutePath();
		assertThat(pages.resolve("timeline.html")).exists();
		HttpServer server = SimpleFileServer.createFileServer(new InetSocketAddress("127.0.0.1", 0), pages,
				SimpleFileServer.OutputLevel.NONE);
		server.start();
		ChromeDriver browser = Chromium.start();
		try {
			Path out = Files.isDirectory(Path.of("../docs")) ? Path.of("../docs/screenshots/preview")
					: Path.of("docs/screenshots/preview");
			Screenshots screenshots = new Screenshots(out);
			String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
			for (String page : BOTH) {
				browser.get(base + "dark-" + page + ".html");
				screenshots.capture(browser, page);
			}
			for (String page : DESKTOP) {
				browser.get(base + "dark-" + page + ".html");
				screenshots.capture(browser, page);
				Files.deleteIfExists(out.resolve(page + "-phone.png"));
			}
		}
		finally {
			browser.quit();
			server.stop(0);
		}
	}

}
