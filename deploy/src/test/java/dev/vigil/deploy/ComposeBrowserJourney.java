package dev.vigil.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.vigil.ui.browser.Chromium;
import dev.vigil.ui.browser.PageChecks;
import dev.vigil.ui.browser.UiJourney;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser step of {@code ./vigil compose-test}: real headless Chromium (ui's browser
 * helpers) against the compose file's {@code http://} public URL. It signs in as the
 * first admin on identity-service's page, changes the generated password when asked, and
 * creates an API client on the admin pages; the client's id and secret go to a file for
 * the script's token and API checks. A {@code Secure} session cookie on the http:// URL
 * shows up here as a sign-in that never comes back to the UI. Not an *IT: only
 * deploy/compose-test/compose-test.sh runs it ({@code -Dit.test=ComposeBrowserJourney}),
 * with the platform it started, through {@code VIGIL_COMPOSE_URL},
 * {@code VIGIL_COMPOSE_ADMIN_PASSWORD}, {@code VIGIL_COMPOSE_NEW_PASSWORD} and
 * {@code VIGIL_COMPOSE_CLIENT_FILE}.
 */
class ComposeBrowserJourney {

	private static String required(String name) {
		String value = System.getenv(name);
		assertThat(value).as("%s (set by deploy/compose-test/compose-test.sh)", name).isNotBlank();
		return value;
	}

	@Test
	void signsInOverThePlainHttpPublicUrlAndCreatesAnApiClient() throws IOException {
		String url = required("VIGIL_COMPOSE_URL");
		assertThat(url).startsWith("http://");
		assertThat(Chromium.available()).as("Debian's chromium and chromium-driver").isTrue();
		ChromeDriver browser = Chromium.start();
		try {
			PageChecks.watchCsp(browser);
			UiJourney journey = new UiJourney(browser, url);
			try {
				journey.signIn("admin", required("VIGIL_COMPOSE_ADMIN_PASSWORD"),
						required("VIGIL_COMPOSE_NEW_PASSWORD"));
			}
			catch (TimeoutException ex) {
				throw new AssertionError("sign-in over " + url + " did not come back signed in (ended at "
						+ browser.getCurrentUrl() + ", cookies " + browser.manage().getCookies() + ")", ex);
			}
			assertThat(browser.getCurrentUrl()).startsWith(url);
			assertThat(browser.manage().getCookies()).as("cookies the browser kept for " + url)
				.isNotEmpty()
				.noneMatch(Cookie::isSecure);
			assertThat(PageChecks.cspViolations(browser)).as("blocked by the Content-Security-Policy").isEmpty();
			String secret = journey.createApiClient("compose-test");
			String id = browser.findElement(By.cssSelector("[data-test=client-id]")).getText();
			assertThat(id).isNotBlank();
			assertThat(secret).isNotBlank();
			Files.writeString(Path.of(required("VIGIL_COMPOSE_CLIENT_FILE")),
					"CLIENT_ID=" + id + "\nCLIENT_SECRET=" + secret + "\n");
		}
		finally {
			browser.quit();
		}
	}

}
