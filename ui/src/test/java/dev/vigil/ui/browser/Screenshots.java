package dev.vigil.ui.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Captures the current page at desktop (1280×800) and phone (390×844) size into
 * {@code docs/screenshots/<name>-desktop.png} and {@code <name>-phone.png} at the
 * repository root, the files the README links. Both use device metrics emulation, so the
 * viewport is exactly that size.
 */
public final class Screenshots {

	private final Path directory;

	public Screenshots(Path directory) {
		this.directory = directory;
	}

	/** {@code docs/screenshots} of the repository, from a module's working directory. */
	public static Screenshots inRepository() {
		Path root = Files.isDirectory(Path.of("../docs")) ? Path.of("..") : Path.of(".");
		return new Screenshots(root.resolve("docs/screenshots"));
	}

	public void capture(ChromeDriver driver, String name) {
		try {
			Files.createDirectories(this.directory);
			emulate(driver, Chromium.DESKTOP, false);
			save(driver, name + "-desktop.png");
			emulate(driver, Chromium.PHONE, true);
			save(driver, name + "-phone.png");
			driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void save(WebDriver driver, String file) throws IOException {
		byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
		Files.write(this.directory.resolve(file), png);
	}

	/** Gives the page a phone's viewport (390×844, mobile) until {@link #desktop}. */
	public static void phone(ChromeDriver driver) {
		emulate(driver, Chromium.PHONE, true);
	}

	public static void desktop(ChromeDriver driver) {
		emulate(driver, Chromium.DESKTOP, false);
	}

	private static void emulate(ChromeDriver driver, Dimension size, boolean mobile) {
		// Device metrics set the viewport exactly (a window size would include the
		// browser's own bars) and give phones their touch, mobile viewport.
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", size.getWidth(), "height", size.getHeight(), "deviceScaleFactor", 1, "mobile", mobile));
		driver.executeAsyncScript(
				"const done = arguments[arguments.length - 1]; requestAnimationFrame(() => setTimeout(done, 200));");
	}

}
