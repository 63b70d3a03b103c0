package dev.vigil.ui.browser;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UI in real headless Chromium against a running stack (gateway, identity-service,
 * catalog-api with seeded media, the ui). It needs that stack, which this module cannot
 * start by itself: point it at one with
 * {@code -Dvigil.it.base-url=http://localhost:8080 -Dvigil.it.admin-password=...} (also
 * {@code vigil.it.admin-user}, {@code vigil.it.viewer-user},
 * {@code vigil.it.viewer-password}, {@code vigil.it.admin-new-password} for a first
 * sign-in that must change the password, {@code vigil.it.seeded=true} when catalog-api
 * holds seeded media, {@code vigil.it.upload-command}), as the system-test module does.
 * Without them a test is reported as aborted with the reason, never passed.
 */
class UiBrowserIT {

	private final String baseUrl = setting("vigil.it.base-url", "VIGIL_IT_BASE_URL", null);

	private final Screenshots screenshots = Screenshots.inRepository();

	private ChromeDriver browser;

	private UiJourney journey;

	@BeforeEach
	void startBrowser() {
		Assumptions.assumeTrue(this.baseUrl != null,
				"No running stack: set vigil.it.base-url (VIGIL_IT_BASE_URL) to the gateway's URL");
		Assumptions.assumeTrue(Chromium.available(), "Install Debian's chromium and chromium-driver");
		this.browser = Chromium.start();
		if (Boolean.parseBoolean(setting("vigil.it.bypass-csp", "VIGIL_IT_BYPASS_CSP", "false"))) {
			// Only for a stack without the gateway, where identity-service and the ui are
			// different origins: identity's CSP form-action 'self' then blocks the
			// redirect back to the ui after the sign-in form. Through the gateway both
			// are one origin.
			this.browser.executeCdpCommand("Page.setBypassCSP", java.util.Map.of("enabled", true));
		}
		this.journey = new UiJourney(this.browser, this.baseUrl);
	}

	private static @Nullable String adminPassword;

	private void signInAsAdmin() {
		String newPassword = setting("vigil.it.admin-new-password", "VIGIL_IT_ADMIN_NEW_PASSWORD", null);
		if (adminPassword == null) {
			adminPassword = setting("vigil.it.admin-password", "VIGIL_IT_ADMIN_PASSWORD", "");
		}
		// The first sign-in replaces the generated password; later tests use the new one.
		if (this.journey.signIn(setting("vigil.it.admin-user", "VIGIL_IT_ADMIN_USER", "admin"), adminPassword,
				newPassword)) {
			adminPassword = newPassword;
		}
	}

	@Test
	void adminSignsInCreatesAnApiClientAndSignsOut() {
		signInAsAdmin();
		assertThat(this.browser.findElement(By.cssSelector("[data-test=nav-admin]")).isDisplayed()).isTrue();
		this.journey.open("/admin/clients");
		this.screenshots.capture(this.browser, "admin-clients");
		String name = "browser-it " + System.nanoTime();
		String secret = this.journey.createApiClient(name);
		assertThat(secret).hasSizeGreaterThan(16);
		this.screenshots.capture(this.browser, "admin-client-created");
		this.journey.open("/admin/clients");
		assertThat(this.journey.pageText()).contains(name).doesNotContain(secret);
		this.journey.signOut();
		assertThat(this.browser.getCurrentUrl()).endsWith("/signed-out");
		assertThat(this.journey.pageText()).contains("You are signed out");
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void adminWatchesTheDayFiltersPeopleAndPlaysAClip() {
		Assumptions.assumeTrue(Boolean.parseBoolean(setting("vigil.it.seeded", "VIGIL_IT_SEEDED", "false")),
				"Set vigil.it.seeded=true once the catalog holds seeded media (the system-test module does)");
		signInAsAdmin();
		assertThat(this.browser.findElement(By.cssSelector("[data-test=nav-admin]")).isDisplayed()).isTrue();
		this.screenshots.capture(this.browser, "timeline");
		assertThat(this.journey.eventCards()).as("seeded events on the timeline").isNotEmpty();

		this.journey.filterPeopleOnly();
		this.screenshots.capture(this.browser, "timeline-people");
		assertThat(this.journey.eventCards()).allSatisfy(
				(card) -> assertThat(card.findElements(By.cssSelector("[data-test=person-badge]"))).isNotEmpty());

		this.journey.open("/");
		this.journey.openFirstEvent();
		this.screenshots.capture(this.browser, "event");
		if (this.journey.showFirstVideo()) {
			assertThat(this.journey.canPlayH264()).isTrue();
			assertThat(this.journey.playVideo()).as("video currentTime after playing").isGreaterThan(0.0);
			this.screenshots.capture(this.browser, "event-video");
		}

		for (String page : new String[] { "cameras", "stats", "live", "admin/cameras", "admin/audit" }) {
			this.journey.open("/" + page);
			this.screenshots.capture(this.browser, page.replace('/', '-'));
		}
	}

	@Test
	void liveConnectsToTheCatalogStream() {
		Assumptions.assumeTrue(Boolean.parseBoolean(setting("vigil.it.seeded", "VIGIL_IT_SEEDED", "false")),
				"Needs catalog-api: set vigil.it.seeded=true when it runs");
		signInAsAdmin();
		this.journey.open("/live");
		this.journey.waitForLiveConnection();
		int before = this.journey.liveItems();
		String upload = setting("vigil.it.upload-command", "VIGIL_IT_UPLOAD_COMMAND", null);
		Assumptions.assumeTrue(upload != null,
				"Connected; set vigil.it.upload-command to a command that uploads a picture to see it arrive live");
		run(upload);
		this.journey.waitForLiveItems(before + 1, Duration.ofSeconds(30));
	}

	@Test
	void viewerCannotReachAdminPages() {
		String viewer = setting("vigil.it.viewer-user", "VIGIL_IT_VIEWER_USER", null);
		String password = setting("vigil.it.viewer-password", "VIGIL_IT_VIEWER_PASSWORD", "");
		if (viewer == null) {
			// The admin creates the viewer on the users page, as a household admin would.
			signInAsAdmin();
			viewer = "viewer-" + Long.toString(System.nanoTime(), 36);
			password = this.journey.createViewer(viewer);
			this.journey.signOut();
		}
		this.journey.signIn(viewer, password, "viewer-password-" + Long.toString(System.nanoTime(), 36));
		assertThat(this.browser.findElements(By.cssSelector("[data-test=nav-admin]"))).isEmpty();
		this.journey.open("/admin/clients");
		assertThat(this.journey.pageText()).contains("You do not have access to this page");
	}

	private static void run(String command) {
		try {
			Process process = new ProcessBuilder("sh", "-c", command).inheritIO().start();
			assertThat(process.waitFor()).as("exit status of " + command).isZero();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String setting(String property, String variable, String fallback) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			value = System.getenv(variable);
		}
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
