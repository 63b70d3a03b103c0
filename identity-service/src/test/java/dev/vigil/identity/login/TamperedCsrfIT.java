package dev.vigil.identity.login;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.vigil.identity.Browser;
import dev.vigil.identity.IdentityIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A hand-edited CSRF token is a wrong token (403), never a server error. */
class TamperedCsrfIT extends IdentityIntegrationTest {

	@Test
	void aCsrfTokenThatUnmasksToInvalidUtf8IsRefusedWith403() {
		try (Browser browser = new Browser(BASE).with("X-Forwarded-For", "198.51.100.201")) {
			HttpResponse<String> page = browser.get("/login");
			Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
			assertThat(csrf.find()).isTrue();
			byte[] masked = Base64.getUrlDecoder().decode(csrf.group(1));
			// Masked token = random half + (random XOR token) half: make the first
			// unmasked byte 0xFF, which is no UTF-8.
			int half = masked.length / 2;
			masked[half] = (byte) (masked[0] ^ 0xFF);
			String tampered = Base64.getUrlEncoder().encodeToString(masked);

			for (String token : new String[] { tampered, "%%%not-base64%%%", "" }) {
				HttpResponse<String> post = browser.postForm("/login",
						Map.of("username", "someone", "password", "whatever it is", "_csrf", token));
				assertThat(post.statusCode()).as(token).isEqualTo(403);
				assertThat(post.body()).as(token).doesNotContain("Exception").doesNotContain("at org.");
			}
		}
	}

}
