package dev.vigil.ingest.camera;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTests {

	private final PasswordHasher hasher = new PasswordHasher(10_000);

	@Test
	void verifiesOnlyTheRightPasswordAndNeverStoresIt() {
		String hash = this.hasher.hash("s3cret-camera");
		assertThat(hash).startsWith("pbkdf2-sha256$10000$").doesNotContain("s3cret");
		assertThat(this.hasher.matches("s3cret-camera", hash)).isTrue();
		assertThat(this.hasher.matches("s3cret-camerA", hash)).isFalse();
		assertThat(this.hasher.hash("s3cret-camera")).as("salted").isNotEqualTo(hash);
		assertThat(this.hasher.matches("x", "plain-text")).isFalse();
	}

}
