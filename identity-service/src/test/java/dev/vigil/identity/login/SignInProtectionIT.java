package dev.vigil.identity.login;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.vigil.identity.Browser;
import dev.vigil.identity.IdentityIntegrationTest;
import dev.vigil.identity.Scopes;
import dev.vigil.identity.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brute-force protection and no user enumeration. Each test signs in from its own source
 * address (X-Forwarded-For, honoured behind the gateway) so their counters do not mix.
 */
class SignInProtectionIT extends IdentityIntegrationTest {

	private static final AtomicInteger SOURCES = new AtomicInteger();

	@Autowired
	AuditLog audit;

	@Test
	void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
		String viewer = user("known", Set.of(Scopes.ROLE_VIEWER), null);
		try (Browser first = browser(); Browser second = browser()) {
			HttpResponse<String> wrongPassword = first.signIn(viewer, "not-the-password");
			HttpResponse<String> unknownUser = second.signIn("nobody-" + UUID.randomUUID(), "not-the-password");

			assertThat(wrongPassword.statusCode()).isEqualTo(unknownUser.statusCode()).isEqualTo(302);
			assertThat(Browser.location(wrongPassword)).isEqualTo(Browser.location(unknownUser))
				.endsWith("/login?error");
			assertThat(page(first, wrongPassword)).isEqualTo(page(second, unknownUser))
				.contains("Sign-in failed. Check your username and password");
		}
	}

	@Test
	void repeatedFailuresLockTheAccountEvenForTheRightPasswordAndAreAudited() {
		String viewer = user("target", Set.of(Scopes.ROLE_VIEWER), null);
		try (Browser attacker = browser(); Browser owner = browser()) {
			for (int attempt = 1; attempt <= 5; attempt++) {
				attacker.signIn(viewer, "guess-" + attempt);
			}

			HttpResponse<String> rightPassword = owner.signIn(viewer, password(viewer));

			assertThat(Browser.location(rightPassword)).endsWith("/login?error");
			assertThat(page(owner, rightPassword)).contains("Sign-in failed");
			assertThat(this.audit.recent(AuditLog.Type.LOGIN_FAILED, viewer, 10)).hasSize(5);
			assertThat(this.audit.recent(AuditLog.Type.LOGIN_THROTTLED, viewer, 10)).hasSize(1)
				.allSatisfy((entry) -> assertThat(entry.detail()).startsWith("locked for"));
		}
	}

	@Test
	void aLockedAccountLooksLikeAWrongPassword() {
		String viewer = user("locked", Set.of(Scopes.ROLE_VIEWER), null);
		try (Browser attacker = browser(); Browser other = browser()) {
			for (int attempt = 1; attempt <= 6; attempt++) {
				attacker.signIn(viewer, "guess-" + attempt);
			}
			HttpResponse<String> locked = attacker.signIn(viewer, password(viewer));
			HttpResponse<String> wrong = other.signIn("someone-" + UUID.randomUUID(), "x");

			assertThat(page(attacker, locked)).isEqualTo(page(other, wrong));
		}
	}

	@Test
	void sprayingPasswordsOverManyNamesLocksTheSourceButNotOthers() {
		String viewer = user("sprayed", Set.of(Scopes.ROLE_VIEWER), null);
		try (Browser sprayer = browser(); Browser elsewhere = browser()) {
			for (int attempt = 1; attempt <= 20; attempt++) {
				sprayer.signIn("user" + attempt + "-" + UUID.randomUUID(), "Summer2026!");
			}

			assertThat(Browser.location(sprayer.signIn(viewer, password(viewer)))).endsWith("/login?error");
			assertThat(Browser.location(elsewhere.signIn(viewer, password(viewer)))).doesNotContain("error");
		}
	}

	@Test
	void aSuccessfulSignInIsAudited() {
		String viewer = user("audited", Set.of(Scopes.ROLE_VIEWER), null);
		try (Browser browser = browser()) {
			assertThat(Browser.location(browser.signIn(viewer, password(viewer)))).doesNotContain("error");
		}
		assertThat(this.audit.recent(AuditLog.Type.LOGIN_SUCCEEDED, viewer, 5)).hasSize(1)
			.allSatisfy((entry) -> assertThat(entry.source()).startsWith("198.51.100."));
	}

	/**
	 * A browser from its own documentation-range address, never shared with another
	 * browser of this class (a random pick collided now and then, and a sprayer's locked
	 * source then failed the bystander). Other ITs use 198.51.100.150 and up.
	 */
	private static Browser browser() {
		int host = SOURCES.incrementAndGet();
		return new Browser(BASE).with("X-Forwarded-For", "198.51.100." + host);
	}

	/** The page a failed sign-in lands on, without the per-session CSRF token. */
	private static String page(Browser browser, HttpResponse<String> redirect) {
		return browser.get(Browser.location(redirect)).body().replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
	}

}
