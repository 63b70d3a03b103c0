package dev.vigil.identity.users;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.vigil.identity.Browser;
import dev.vigil.identity.IdentityIntegrationTest;
import dev.vigil.identity.Scopes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A password change ends the user's other sign-ins, and the change form is no faster
 * password oracle than the sign-in form.
 */
class PasswordChangeIT extends IdentityIntegrationTest {

	@Test
	void changingThePasswordEndsOtherSessionsAndRevokesRefreshTokens() {
		String name = user("change", Set.of(Scopes.ROLE_VIEWER), null);
		try (Browser thief = new Browser(BASE).with("X-Forwarded-For", "198.51.100.150");
				Browser owner = new Browser(BASE).with("X-Forwarded-For", "198.51.100.151")) {
			String stolenRefresh = uiTokens(thief, name, "openid media:read").get("refresh_token").asString();
			owner.signIn(name, password(name));
			String chosen = "a brand new passphrase " + name.hashCode();
			HttpResponse<String> changed = owner.submit("/account/password", "/account/password",
					Map.of("current", password(name), "password", chosen, "confirmation", chosen));
			assertThat(Browser.location(changed)).as(changed.body()).contains("passwordChanged");

			// As the ui's back end calls the token endpoint: no browser cookies.
			try (Browser backEnd = new Browser(BASE)) {
				HttpResponse<String> refreshed = backEnd.token("vigil-ui", UI_SECRET,
						Map.of("grant_type", "refresh_token", "refresh_token", stolenRefresh));
				assertThat(refreshed.statusCode()).as("the other session's refresh token is revoked").isEqualTo(400);
				assertThat(refreshed.body()).contains("invalid_grant");
			}
			HttpResponse<String> authorize = thief
				.get(Browser.authorizeUrl("vigil-ui", "openid media:read", UI_REDIRECT, Browser.verifier(), "s"));
			assertThat(Browser.location(authorize)).as("the other sign-in session is over").endsWith("/login");

			HttpResponse<String> mine = owner
				.get(Browser.authorizeUrl("vigil-ui", "openid media:read", UI_REDIRECT, Browser.verifier(), "s"));
			assertThat(Browser.location(mine)).as("the session the change was made in goes on")
				.startsWith(UI_REDIRECT + "?code=");
		}
	}

	@Test
	void wrongCurrentPasswordsOnTheChangeFormLockLikeFailedSignIns() {
		String name = user("oracle", Set.of(Scopes.ROLE_VIEWER), null);
		try (Browser session = new Browser(BASE).with("X-Forwarded-For", "198.51.100.152")) {
			session.signIn(name, password(name));
			for (int i = 0; i < 5; i++) {
				HttpResponse<String> wrong = session.submit("/account/password", "/account/password", Map.of("current",
						"guess number " + i, "password", "whatever new phrase", "confirmation", "whatever new phrase"));
				assertThat(wrong.body()).contains("current password is not correct");
			}
			String chosen = "another new passphrase " + name.hashCode();
			HttpResponse<String> right = session.submit("/account/password", "/account/password",
					Map.of("current", password(name), "password", chosen, "confirmation", chosen));
			assertThat(right.statusCode()).isEqualTo(200);
			assertThat(right.body()).contains("Too many wrong passwords");
		}
		try (Browser fresh = new Browser(BASE).with("X-Forwarded-For", "198.51.100.153")) {
			assertThat(Browser.location(fresh.signIn(name, password(name)))).as("the account is locked for sign-in too")
				.endsWith("/login?error");
		}
	}

}
