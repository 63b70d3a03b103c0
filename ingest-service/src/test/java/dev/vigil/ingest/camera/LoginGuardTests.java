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

	private final LoginGuard guard = new LoginGuard(
			new LoginGuardProperties(3, Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofHours(1)),
			this.clock);

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
	void successResetsTheCount() {
		fail(2);
		this.guard.succeeded(this.source);
		fail(2);
		assertThat(this.guard.isLockedOut(this.source)).isFalse();
	}

	private void fail(int times) {
		for (int i = 0; i < times; i++) {
			this.guard.failed(this.source);
		}
	}

	private void advance(Duration duration) {
		this.now.updateAndGet((instant) -> instant.plus(duration));
	}

}
