package dev.vigil.notify.channel;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTests {

	private static SecretBox box(String key) {
		return new SecretBox(new ChannelProperties(key, Duration.ofMinutes(15), 5, Duration.ofSeconds(5),
				Duration.ofSeconds(10), List.of(), List.of(), 65536, List.of()));
	}

	@Test
	void encryptsWithAFreshNonceAndDecryptsOnlyWithTheSameKey() {
		SecretBox box = box("a".repeat(40));
		String first = box.encrypt("webhook-signing-key");
		String second = box.encrypt("webhook-signing-key");
		assertThat(first).isNotEqualTo(second).doesNotContain("webhook-signing-key");
		assertThat(box.decrypt(first)).isEqualTo("webhook-signing-key");
		assertThatThrownBy(() -> box("b".repeat(40)).decrypt(first)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void refusesAShortOrMissingKey() {
		assertThatThrownBy(() -> box("short")).hasMessageContaining("secret-key");
	}

	@Test
	void theWebhookSignatureIsHmacSha256OverTimestampDotBody() throws Exception {
		// Known answer: printf '1700000000.{}' | openssl dgst -sha256 -hmac key
		assertThat(HttpPush.sign("key", "1700000000", "{}".getBytes()))
			.isEqualTo("9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae");
	}

}
