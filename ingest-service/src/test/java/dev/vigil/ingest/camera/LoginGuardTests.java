package dev.vigil.ingest.camera;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginGuardTests {

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T09:00:00Z"));

	private final Clock clock = new Clock() {
		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return LoginGuardTests.this.now.get();
		}
	};

	private final LoginGuard guard = new LoginGuard(new LoginGuardProperties(3, 5, Duration.ofSeconds(30),
			Duration.ofMinutes(2), Duration.ofHours(1), Duration.ofDays(7), 100), this.clock);

	private final InetAddress source = InetAddress.getLoopbackAddress();

	@Test
	void locksOutAfterRepeatedFailuresAndBacksOffExponentially() throws Exception {
		fail(3);
		assertThat(this.guard.isLockedOut(this.source)).isTrue();
		assertThat(this.guard.isLockedOut(InetAddress.getByName("192.0.2.7"))).isFalse();
		advance(Duration.ofSeconds(31));
		assertThat(this.guard.isLockedOut(this.source)).isFalse();

		fail(3);
		advance(Duration.ofSeconds(31));
		assertThat(this.guard.isLockedOut(this.source)).as("second lock-out lasts 60 s").isTrue();
		advance(Duration.ofSeconds(30));
		assertThat(this.guard.isLockedOut(this.source)).isFalse();

		fail(3);
		fail(3);
		advance(Duration.ofSeconds(121));
		assertThat(this.guard.isLockedOut(this.source)).as("capped at max-lockout").isFalse();
	}

	@Test
	void correctLoginWithOwnCameraDoesNotClearGuessesAtAnotherCamera() {
		// The attacker owns "garden" and guesses "driveway", logging in as garden in
		// between.
		for (int i = 0; i < 2; i++) {
			this.guard.failed(this.source, "driveway");
			this.guard.succeeded(this.source, "garden");
		}
		this.guard.failed(this.source, "driveway");
		assertThat(this.guard.isLockedOut(this.source)).isTrue();
		assertThat(this.guard.isLockedOut(this.source, "garden")).as("the source is locked for every account").isTrue();
	}

	@Test
	void countsFailuresPerAccountAcrossSources() throws Exception {
		InetAddress camera = InetAddress.getByName("192.0.2.10");
		this.guard.succeeded(camera, "driveway");
		for (int i = 0; i < 5; i++) {
			// One guess from each of five addresses: no source reaches its limit.
			this.guard.failed(InetAddress.getByName("198.51.100." + i), "driveway");
		}
		InetAddress sixth = InetAddress.getByName("198.51.100.99");
		assertThat(this.guard.isLockedOut(sixth)).isFalse();
		assertThat(this.guard.isLockedOut(sixth, "driveway")).as("account locked for new sources").isTrue();
		assertThat(this.guard.isLockedOut(sixth, "garden")).isFalse();
		assertThat(this.guard.isLockedOut(camera, "driveway")).as("the camera's own source still logs in").isFalse();
		advance(Duration.ofSeconds(31));
		assertThat(this.guard.isLockedOut(sixth, "driveway")).isFalse();
	}

	@Test
	void failuresFadeOnlyAfterQuiet() {
		fail(2);
		this.guard.succeeded(this.source, "driveway");
		fail(1);
		assertThat(this.guard.isLockedOut(this.source)).as("success did not reset the count").isTrue();
		advance(Duration.ofHours(3));
		fail(2);
		assertThat(this.guard.isLockedOut(this.source)).as("quiet for forget-after: from scratch").isFalse();
	}

	@Test
	void staysWithinMaxTrackedAndKeepsLockedSourcesLocked() throws Exception {
		fail(3);
		for (int i = 0; i < 1000; i++) {
			this.guard.failed(InetAddress.getByName("10.0." + (i / 250) + "." + (i % 250)), "user-" + i);
		}
		assertThat(this.guard.tracked()).isLessThanOrEqualTo(200);
		assertThat(this.guard.isLockedOut(this.source)).isTrue();
	}

	private void fail(int times) {
		for (int i = 0; i < times; i++) {
			this.guard.failed(this.source, "driveway");
		}
	}

	private void advance(Duration duration) {
		this.now.updateAndGet((instant) -> instant.plus(duration));
	}

}
