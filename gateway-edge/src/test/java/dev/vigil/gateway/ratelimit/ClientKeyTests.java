package dev.vigil.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientKeyTests {

	@Test
	void noCredentialsMeansOnlyTheAddressLimitApplies() {
		assertThat(RateLimitFilter.clientKey(null)).isNull();
		assertThat(RateLimitFilter.clientKey("Digest abc")).isNull();
	}

	@Test
	void bearerTokensAreHashedNeverStoredVerbatim() {
		String key = RateLimitFilter.clientKey("Bearer eyJhbGciOiJSUzI1NiJ9.payload.signature");

		assertThat(key).startsWith("token:").doesNotContain("eyJ").hasSize("token:".length() + 32);
		assertThat(RateLimitFilter.clientKey("bearer eyJhbGciOiJSUzI1NiJ9.payload.signature")).isEqualTo(key);
		assertThat(RateLimitFilter.clientKey("Bearer another")).isNotEqualTo(key);
	}

	@Test
	void basicCredentialsCountPerClientIdWhateverTheSecret() {
		String right = basic("vgl_1234:secret-one");
		String wrong = basic("vgl_1234:guess");

		assertThat(RateLimitFilter.clientKey(right)).isEqualTo(RateLimitFilter.clientKey(wrong)).startsWith("basic:");
		assertThat(RateLimitFilter.clientKey("Basic %%%not-base64")).isEqualTo("basic:invalid");
	}

	private static String basic(String credentials) {
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

}
