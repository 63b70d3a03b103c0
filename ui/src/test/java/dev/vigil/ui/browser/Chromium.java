package dev.vigil.ui.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by Debian's chromedriver (packages {@code chromium} and
 * {@code chromium-driver}); nothing is downloaded. Each browser gets a fresh profile
 * directory and the flags that keep it off the network on a closed build machine.
 */
public final class Chromium {

	public static final String BINARY = System.getProperty("vigil.chromium", "/usr/bin/chromium");

	public static final String DRIVER = System.getProperty("vigil.chromedriver", "/usr/bin/chromedriver");

	public static final Dimension DESKTOP = new Dimension(1280, 800);

	public static final Dimension PHONE = new Dimension(390, 844);

	private Chromium() {
	}

	/** Whether the browser and its driver are installed here. */
	public static boolean available() {
		return Files.isExecutable(Path.of(BINARY)) && Files.isExecutable(Path.of(DRIVER));
	}

	public static ChromeDriver start() {
		Path profile;
		try {
			profile = Files.createTempDirectory("vigil-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BINARY);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
				"--hide-scrollbars", "--autoplay-policy=no-user-gesture-required", "--user-data-dir=" + profile,
				"--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(DRIVER).toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

}
