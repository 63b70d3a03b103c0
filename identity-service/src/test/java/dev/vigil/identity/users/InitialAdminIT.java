package dev.vigil.identity.users;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.vigil.identity.Browser;
import dev.vigil.identity.IdentityApplication;
import dev.vigil.identity.IdentityIntegrationTest;
import dev.vigil.identity.Scopes;
import dev.vigil.identity.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
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
			for (String trivial : List.of(" ".repeat(12), "password1234", "Password1234!", "123456789012",
					"qwertyqwertyqwerty", "Admin1234567!")) {
				HttpResponse<String> refused = browser.submit("/account/password", "/account/password",
						Map.of("current", initial, "password", trivial, "confirmation", trivial));
				assertThat(refused.statusCode()).as(trivial).isEqualTo(200);
				assertThat(refused.body()).as(trivial).containsAnyOf("too common", "too simple");
			}
			// 40 characters, 80 bytes: bcrypt would cut it (or throw); the form says why.
			String overlong = "ü".repeat(40);
			HttpResponse<String> tooLong = browser.submit("/account/password", "/account/password",
					Map.of("current", initial, "password", overlong, "confirmation", overlong));
			assertThat(tooLong.statusCode()).isEqualTo(200);
			assertThat(tooLong.body()).contains("at most 72 bytes");

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

	@Test
	void aPasswordOverSeventyTwoBytesAtSignInIsAFailedSignInNotAnError() {
		try (Browser browser = new Browser(BASE).with("X-Forwarded-For", "192.0.2.12")) {
			HttpResponse<String> signIn = browser.signIn(user("long", Set.of(Scopes.ROLE_VIEWER), null),
					"x".repeat(100));
			assertThat(signIn.statusCode()).isEqualTo(302);
			assertThat(Browser.location(signIn)).endsWith("/login?error");
		}
	}

	@Test
	void theInitialAdminPasswordIsWrittenToItsFileButNeverLogged(CapturedOutput output) throws Exception {
		Path data = DATA.resolveSibling("fresh-" + UUID.randomUUID());
		try (ConfigurableApplicationContext fresh = new SpringApplicationBuilder(IdentityApplication.class)
			.profiles("devstack")
			.run("--server.port=0", "--vigil.identity.issuer=" + BASE, "--vigil.identity.data-dir=" + data,
					"--spring.mongodb.database=" + DATABASE + "-fresh",
					"--vigil.identity.clients.ui.client-secret=" + UI_SECRET)) {
			String password = Files.readString(data.resolve("admin-initial-password")).strip();
			assertThat(output.getAll()).contains("Created the initial administrator 'admin'").doesNotContain(password);
		}
	}

}
