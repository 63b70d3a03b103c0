package dev.vigil.ui.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page the UI renders (from canned API data, by {@code PagePreviewTests} into
 * {@code target/preview}) in real headless Chromium, served with the very
 * Content-Security-Policy header the UI sends: no page may have anything blocked by it
 * (issue #18: the templates' own inline styles were, so the stats legend had no colours,
 * storage bars were all full width and the camera's activity strip stayed empty), the
 * charts must show what their numbers say, and at 390 px no page may scroll sideways.
 * Needs no running stack; {@link UiBrowserIT} checks the same against one.
 */
class PagesInChromiumIT {

	private static final Path PREVIEW = Path.of("target/preview");

	private static HttpServer server;

	private static ChromeDriver browser;

	private static String base;

	@BeforeAll
	static void serveThePages() throws IOException {
		Assumptions.assumeTrue(Chromium.available(), "Install Debian's chromium and chromium-driver");
		assertThat(PREVIEW.resolve("csp.txt")).as("PagePreviewTests renders the pages first (mvn verify runs it)")
			.exists();
		String policy = Files.readString(PREVIEW.resolve("csp.txt")).strip();
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", (exchange) -> serve(exchange, policy));
		server.start();
		base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
		browser = Chromium.start();
		PageChecks.watchCsp(browser);
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.quit();
		}
		if (server != null) {
			server.stop(0);
		}
	}

	@Test
	void noPageHasAnythingBlockedByTheContentSecurityPolicy() throws IOException {
		List<String> problems = new ArrayList<>();
		for (String page : pages()) {
			browser.get(base + page + ".html");
			PageChecks.cspViolations(browser).forEach((violation) -> problems.add(page + ": " + violation));
		}
		assertThat(problems).isEmpty();
		assertThat(pages()).contains("stats", "camera", "event", "admin-clients", "admin-notifications",
				"admin-new-channel", "admin-rule", "admin-deliveries");
	}

	@Test
	void statsLegendHasTheBarsColoursAndStorageBarsTheirSizes() {
		browser.get(base + "stats.html");
		List<String> swatches = browser.findElements(By.cssSelector("[data-test=legend-swatch] rect"))
			.stream()
			.map((rect) -> rect.getCssValue("fill"))
			.toList();
		List<String> bars = browser.findElements(By.cssSelector("[data-test=uploads-chart] svg.chart > rect"))
			.stream()
			.map((rect) -> rect.getCssValue("fill"))
			.distinct()
			.toList();
		assertThat(swatches).hasSizeGreaterThan(1).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(bars);
		List<Integer> widths = browser.findElements(By.cssSelector("[data-test=storage-bar]"))
			.stream()
			.map((bar) -> bar.getRect().getWidth())
			.toList();
		WebElement track = browser.findElement(By.cssSelector(".hbar-track"));
		assertThat(widths).hasSizeGreaterThan(1).doesNotHaveDuplicates();
		assertThat(widths.get(0)).isEqualTo(track.getRect().getWidth());
		assertThat(widths.get(widths.size() - 1)).isLessThan(track.getRect().getWidth());
	}

	@Test
	void cameraActivityStripShowsTheBusyHours() {
		browser.get(base + "camera.html");
		List<Integer> heights = browser.findElements(By.cssSelector("[data-test=strip-bar]"))
			.stream()
			.map((bar) -> bar.getRect().getHeight())
			.toList();
		assertThat(heights).hasSize(24);
		assertThat(heights).anySatisfy((height) -> assertThat(height).isGreaterThan(20));
		assertThat(heights).contains(0);
	}

	@Test
	void noPageScrollsSidewaysOnAPhone() throws IOException {
		List<String> problems = new ArrayList<>();
		try {
			Screenshots.phone(browser);
			for (String page : pages()) {
				browser.get(base + page + ".html");
				long overflow = PageChecks.horizontalOverflow(browser);
				if (overflow > 0) {
					problems.add(page + " is " + overflow + " px wider than the 390 px screen");
				}
			}
		}
		finally {
			Screenshots.desktop(browser);
		}
		assertThat(problems).isEmpty();
	}

	private static List<String> pages() throws IOException {
		try (Stream<Path> files = Files.list(PREVIEW)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".html") && !name.startsWith("dark-"))
				.map((name) -> name.substring(0, name.length() - ".html".length()))
				.sorted()
				.toList();
		}
	}

	private static void serve(HttpExchange exchange, String policy) throws IOException {
		String path = exchange.getRequestURI().getPath();
		Path file = PREVIEW.resolve(path.substring(1)).normalize();
		if (!file.startsWith(PREVIEW) || !Files.isRegularFile(file)) {
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
			return;
		}
		byte[] body = Files.readAllBytes(file);
		String name = file.getFileName().toString();
		String type = name.endsWith(".html") ? "text/html; charset=utf-8" : name.endsWith(".css") ? "text/css"
				: name.endsWith(".js") ? "text/javascript" : name.endsWith(".svg") ? "image/svg+xml" : "image/jpeg";
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.getResponseHeaders().set("Content-Security-Policy", policy);
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
		exchange.close();
	}

}
