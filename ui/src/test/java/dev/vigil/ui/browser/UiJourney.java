package dev.vigil.ui.browser;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person does in the UI, step by step, through the stable {@code data-test}
 * attributes of the pages. Used by the browser {@code *IT}s here and meant for the
 * system-test module that runs the whole stack.
 */
public final class UiJourney {

	private final ChromeDriver browser;

	private final String baseUrl;

	private final WebDriverWait wait;

	public UiJourney(ChromeDriver browser, String baseUrl) {
		this.browser = browser;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		// Generous: a loaded 2-core CI machine runs the whole stack next to the browser.
		this.wait = new WebDriverWait(browser, Duration.ofSeconds(60));
	}

	public ChromeDriver browser() {
		return this.browser;
	}

	/** Opens the UI and signs in on the issuer's page (identity-service's form). */
	public void signIn(String username, String password) {
		signIn(username, password, null);
	}

	/**
	 * Opens the UI and signs in on the issuer's page; when identity-service asks for a
	 * new password (the generated first admin password), sets {@code newPassword}.
	 * @param username user
	 * @param password password
	 * @param newPassword password to set if asked, or null
	 * @return whether the password was changed
	 */
	public boolean signIn(String username, String password, String newPassword) {
		this.browser.get(this.baseUrl + "/");
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
		this.browser.findElement(By.name("username")).sendKeys(username);
		this.browser.findElement(By.name("password")).sendKeys(password);
		this.browser.findElement(By.cssSelector("form button[type=submit], form input[type=submit]")).click();
		this.wait.until((driver) -> !driver.findElements(By.cssSelector("[data-test=user-name]")).isEmpty()
				|| !driver.findElements(By.name("confirmation")).isEmpty());
		boolean changed = false;
		if (!this.browser.findElements(By.name("confirmation")).isEmpty() && newPassword != null) {
			this.browser.findElement(By.name("current")).sendKeys(password);
			this.browser.findElement(By.name("password")).sendKeys(newPassword);
			this.browser.findElement(By.name("confirmation")).sendKeys(newPassword);
			this.browser.findElement(By.cssSelector("form button[type=submit]")).click();
			changed = true;
		}
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=user-name]")));
		return changed;
	}

	public void open(String path) {
		this.browser.get(this.baseUrl + path);
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
	}

	public List<WebElement> eventCards() {
		return this.browser.findElements(By.cssSelector("[data-test=event-card]"));
	}

	public void filterPeopleOnly() {
		WebElement people = this.browser.findElement(By.cssSelector("[data-test=filter-people]"));
		if (!people.isSelected()) {
			people.click();
		}
		this.wait.until(ExpectedConditions.urlContains("people=true"));
	}

	public void openFirstEvent() {
		eventCards().get(0).findElement(By.tagName("a")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=viewer]")));
	}

	/** Steps through the event until a clip is shown; false when the event has none. */
	public boolean showFirstVideo() {
		for (int i = 0; i < 50; i++) {
			if (!this.browser.findElements(By.cssSelector("[data-test=video]")).isEmpty()) {
				return true;
			}
			List<WebElement> next = this.browser.findElements(By.id("next-media"));
			if (next.isEmpty()) {
				return false;
			}
			next.get(0).click();
			this.wait.until(ExpectedConditions.stalenessOf(next.get(0)));
		}
		return false;
	}

	/**
	 * Plays the clip muted and reports how far it got.
	 * @return the video's currentTime in seconds after playing for a while
	 */
	public double playVideo() {
		WebElement video = this.browser.findElement(By.cssSelector("[data-test=video]"));
		this.browser.executeAsyncScript("""
				const video = arguments[0], done = arguments[arguments.length - 1];
				video.muted = true;
				video.play().then(() => setTimeout(() => done(true), 2500)).catch((e) => done(String(e)));
				""", video);
		Object time = this.browser.executeScript("return arguments[0].currentTime", video);
		return ((Number) time).doubleValue();
	}

	public boolean canPlayH264() {
		Object answer = this.browser
			.executeScript("return document.createElement('video').canPlayType('video/mp4; codecs=\"avc1.42E01E\"')");
		return answer != null && !answer.toString().isEmpty();
	}

	/** Waits until the live page says it is connected to the stream. */
	public void waitForLiveConnection() {
		this.wait.until(
				ExpectedConditions.attributeToBe(By.cssSelector("[data-test=live-status]"), "data-state", "connected"));
	}

	public int liveItems() {
		return this.browser.findElements(By.cssSelector("[data-test=live-item]")).size();
	}

	public void waitForLiveItems(int atLeast, Duration timeout) {
		new WebDriverWait(this.browser, timeout).until((driver) -> liveItems() >= atLeast);
	}

	/**
	 * Creates an API client on the admin page.
	 * @param name its name
	 * @return the secret shown once
	 */
	public String createApiClient(String name) {
		open("/admin/clients");
		this.browser.findElement(By.cssSelector("[data-test=client-name]")).sendKeys(name);
		this.browser.findElement(By.cssSelector("[data-test=create-client]")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=client-secret]")));
		return this.browser.findElement(By.cssSelector("[data-test=client-secret]")).getText();
	}

	/**
	 * Creates a user on the admin users page and reads the initial password shown once.
	 * @param username the new user
	 * @return the initial password
	 */
	public String createViewer(String username) {
		open("/admin/users");
		this.browser.findElement(By.cssSelector("[data-test=new-user-name]")).sendKeys(username);
		this.browser.findElement(By.cssSelector("[data-test=create-user]")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=initial-password]")));
		return this.browser.findElement(By.cssSelector("[data-test=initial-password]")).getText();
	}

	public void signOut() {
		this.browser.findElement(By.cssSelector("[data-test=logout]")).click();
		this.wait.until((driver) -> driver.findElements(By.cssSelector("[data-test=user-name]")).isEmpty());
	}

	public String pageText() {
		return this.browser.findElement(By.tagName("body")).getText();
	}

}
