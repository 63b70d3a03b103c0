package dev.vigil.ingest.camera;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

class VerifiedPasswordsTests {

	private final PasswordHasher hasher = new PasswordHasher(10_000);

	private final String hash = this.hasher.hash("porch-password-1");

	private final AtomicInteger fullChecks = new AtomicInteger();

	private final BiPredicate<String, String> counting = (password, encoded) -> {
		this.fullChecks.incrementAndGet();
		return this.hasher.matches(password, encoded);
	};

	private Instant now = Instant.parse("2026-12-02T06:00:00Z");

	private final Clock clock = new Clock() {

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return VerifiedPasswordsTests.this.now;
		}

	};

	@Test
	void aCameraLoggingInPerFilePaysThePbkdf2OnceWithinTheWindow() {
		VerifiedPasswords passwords = new VerifiedPasswords(Duration.ofMinutes(10), this.clock, this.counting);
		for (int upload = 0; upload < 30; upload++) {
			assertThat(passwords.matches("porch-password-1", this.hash)).isTrue();
			this.now = this.now.plusSeconds(5);
		}
		assertThat(this.fullChecks).hasValue(1);
	}

	@Test
	void everyWrongGuessStillPaysTheFullCheck() {
		VerifiedPasswords passwords = new VerifiedPasswords(Duration.ofMinutes(10), this.clock, this.counting);
		assertThat(passwords.matches("porch-password-1", this.hash)).isTrue();
		for (int guess = 0; guess < 5; guess++) {
			assertThat(passwords.matches("guess-" + guess, this.hash)).isFalse();
		}
		assertThat(this.fullChecks).hasValue(6);
	}

	@Test
	void forgetsAfterTheWindowAndNeverAnswersForAnotherHash() {
		VerifiedPasswords passwords = new VerifiedPasswords(Duration.ofMinutes(10), this.clock, this.counting);
		assertThat(passwords.matches("porch-password-1", this.hash)).isTrue();
		this.now = this.now.plus(Duration.ofMinutes(11));
		assertThat(passwords.matches("porch-password-1", this.hash)).isTrue();
		assertThat(this.fullChecks).hasValue(2);
		// A reset password is a new hash: the old password is checked against it in full.
		String reset = this.hasher.hash("porch-password-2");
		assertThat(passwords.matches("porch-password-1", reset)).isFalse();
		assertThat(passwords.matches("porch-password-2", reset)).isTrue();
		assertThat(this.fullChecks).hasValue(4);
	}

	@Test
	void zeroTurnsItOffAndTheMapStaysBounded() {
		VerifiedPasswords off = new VerifiedPasswords(Duration.ZERO, this.clock, this.counting);
		off.matches("porch-password-1", this.hash);
		off.matches("porch-password-1", this.hash);
		assertThat(this.fullChecks).hasValue(2);
		assertThat(off.size()).isZero();

		VerifiedPasswords bounded = new VerifiedPasswords(Duration.ofMinutes(10), this.clock, (p, e) -> true);
		for (int i = 0; i < VerifiedPasswords.MAX_ENTRIES + 50; i++) {
			bounded.matches("pw", "hash-" + i);
		}
		assertThat(bounded.size()).isLessThanOrEqualTo(VerifiedPasswords.MAX_ENTRIES);
	}

	@Test
	void fullChecksRunAtMostParallelAtATimeAndTheOthersWaitTheirTurn() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		VerifiedPasswords passwords = new VerifiedPasswords(Duration.ofMinutes(10), this.clock, (password, encoded) -> {
			mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
			try {
				release.await();
				return this.hasher.matches(password, encoded);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
			finally {
				running.decrementAndGet();
			}
		}, 2);
		List<String> hashes = List.of(this.hash, this.hasher.hash("porch-password-1"),
				this.hasher.hash("porch-password-1"), this.hasher.hash("porch-password-1"),
				this.hasher.hash("porch-password-1"));
		try (ExecutorService logins = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Boolean>> results = hashes.stream()
				.map((encoded) -> logins.submit(() -> passwords.matches("porch-password-1", encoded)))
				.toList();
			await().untilAsserted(() -> assertThat(passwords.queued()).isEqualTo(3));
			assertThat(running).hasValue(2);
			release.countDown();
			for (Future<Boolean> result : results) {
				assertThat(result.get()).isTrue();
			}
		}
		assertThat(mostAtOnce).hasValue(2);
		assertThat(passwords.size()).isEqualTo(5);
	}

	@Test
	void noParallelChecksIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new VerifiedPasswords(Duration.ofMinutes(10), this.clock, this.counting, 0))
			.withMessageContaining("parallel must be at least 1");
	}

}
