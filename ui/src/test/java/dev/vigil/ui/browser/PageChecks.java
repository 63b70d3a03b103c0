package dev.vigil.ui.browser;

import java.util.List;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What a person would notice on any page, read from the real browser: content the
 * Content-Security-Policy blocked (Chromium fires {@code securitypolicyviolation} for
 * each blocked inline style, script or source; a script installed before every page
 * collects them), and a phone layout wider than the screen.
 */
public final class PageChecks {

	private static final String COLLECT = """
			window.__cspViolations = [];
			document.addEventListener('securitypolicyviolation', function (e) {
			  window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')
			    + ' at ' + (e.sourceFile || location.pathname) + ':' + e.lineNumber);
			}, true);
			""";

	private PageChecks() {
	}

	/** Installs the violation collector for every page this browser opens from now on. */
	public static void watchCsp(ChromeDriver browser) {
		browser.executeCdpCommand("Page.enable", Map.of());
		browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", COLLECT));
	}

	/**
	 * The violations the current page reported so far.
	 * @param browser the browser
	 * @return one line per violation, empty when none
	 */
	@SuppressWarnings("unchecked")
	public static List<String> cspViolations(ChromeDriver browser) {
		Object found = browser.executeScript("return window.__cspViolations || ['collector missing'];");
		return (List<String>) found;
	}

	/**
	 * How far the page is wider than the browser's viewport, in CSS pixels (0 when it
	 * fits).
	 * @param browser the browser
	 * @return the overflow
	 */
	public static long horizontalOverflow(ChromeDriver browser) {
		Object overflow = browser.executeScript(
				"return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth);");
		return ((Number) overflow).longValue();
	}

}
