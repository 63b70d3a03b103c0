package dev.vigil.identity.login;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

	static final Duration LOCK = Duration.ofSeconds(30);

	static final Duration MAX = Duration.ofMinutes(15);

	@Test
	void noLockBelowTheLimit() {
		assertThat(LoginThrottle.backoff(4, 5, LOCK, MAX)).isZero();
	}

	@Test
	void locksAtTheLimitAndDoublesWithEachFurtherFailure() {
		assertThat(LoginThrottle.backoff(5, 5, LOCK, MAX)).isEqualTo(Duration.ofSeconds(30));
		assertThat(LoginThrottle.backoff(6, 5, LOCK, MAX)).isEqualTo(Duration.ofSeconds(60));
		assertThat(LoginThrottle.backoff(7, 5, LOCK, MAX)).isEqualTo(Duration.ofSeconds(120));
	}

	@Test
	void backOffIsCapped() {
		assertThat(LoginThrottle.backoff(50, 5, LOCK, MAX)).isEqualTo(MAX);
		assertThat(LoginThrottle.backoff(Long.MAX_VALUE, 5, LOCK, MAX)).isEqualTo(MAX);
	}

}
