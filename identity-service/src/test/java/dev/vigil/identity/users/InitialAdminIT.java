package dev.vigil.identity.users;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.vigil.identity.Browser;
import dev.vigil.identity.IdentityIntegrationTest;
import dev.vigil.identity.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class InitialAdminIT extends IdentityIntegrationTest {

	@Autowired
	AuditLog audit;

	@Test
	void theGeneratedAdminPasswordWorksOnceAndMustBeChangedBeforeAnyTokenIsIssued() throws Exception {
		Path file = DATA.resolve("admin-initial-password");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		String initial = Files.readString(file).strip();
		assertThat(initial).hasSizeGreaterThanOrEqualTo(20);

		try (Browser browser = new Browser(BASE).with("X-Forwarded-For", "192.0.2.10")) {
			String verifier = Browser.verifier();
			String authorize = Browser.authorizeUrl("vigil-ui", "openid admin", UI_REDIRECT, verifier, "s");
			assertThat(Browser.location(browser.get(authorize))).endsWith("/login");

			HttpResponse<String> signIn = browser.signIn("admin", initial);
			assertThat(Browser.location(signIn)).endsWith("/account/password");
			assertThat(Browser.location(browser.get(authorize))).as("no code before the change")
				.endsWith("/account/password");

			HttpResponse<String> tooShort = browser.submit("/account/password", "/account/password",
					Map.of("current", initial, "password", "short", "confirmation", "short"));
			assertThat(tooShort.statusCode()).isEqualTo(200);
			assertThat(tooShort.body()).contains("at least 12 characters");

			HttpResponse<String> changed = browser.submit("/account/password", "/account/password", Map.of("current",
					initial, "password", "a long new admin passphrase", "confirmation", "a long new admin passphrase"));
			assertThat(Browser.location(changed)).contains("/oauth2/authorize");
			HttpResponse<String> resumed = browser.get(Browser.location(changed));
			assertThat(Browser.location(resumed)).startsWith(UI_REDIRECT + "?code=");
		}
		assertThat(file).doesNotExist();
		assertThat(this.users.find("admin").orElseThrow().mustChangePassword()).isFalse();
		assertThat(this.audit.recent(AuditLog.Type.PASSWORD_CHANGED, "admin", 5)).hasSize(1);
		try (Browser browser = new Browser(BASE).with("X-Forwarded-For", "192.0.2.11")) {
			assertThat(Browser.location(browser.signIn("admin", initial))).endsWith("/login?error");
		}
	}

}
