package dev.vigil.ingest.camera;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Counts failed logins per source address and locks a source out with exponential
 * back-off. A guessing camera or scanner then costs one map entry, not CPU for PBKDF2.
 */
public class LoginGuard {

	/** Bounds memory under a scan from many addresses. */
	private static final int MAX_SOURCES = 10_000;

	private final LoginGuardProperties properties;

	private final Clock clock;

	private final ConcurrentHashMap<InetAddress, State> sources = new ConcurrentHashMap<>();

	public LoginGuard(LoginGuardProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** Whether logins from this source are refused right now. */
	public boolean isLockedOut(InetAddress source) {
		State state = this.sources.get(source);
		return state != null && state.lockedUntil != null && this.clock.instant().isBefore(state.lockedUntil);
	}

	void failed(InetAddress source) {
		Instant now = this.clock.instant();
		if (this.sources.size() >= MAX_SOURCES) {
			forgetIdle(now);
		}
		this.sources.compute(source, (address, current) -> {
			State state = (current == null || now.isAfter(current.lastFailure.plus(this.properties.forgetAfter())))
					? new State() : current;
			state.lastFailure = now;
			state.failures++;
			if (state.failures >= this.properties.maxFailures()) {
				Duration lockout = this.properties.lockout().multipliedBy(1L << Math.min(state.lockouts, 20));
				if (lockout.compareTo(this.properties.maxLockout()) > 0) {
					lockout = this.properties.maxLockout();
				}
				state.lockedUntil = now.plus(lockout);
				state.lockouts++;
				state.failures = 0;
			}
			return state;
		});
	}

	void succeeded(InetAddress source) {
		this.sources.remove(source);
	}

	private void forgetIdle(Instant now) {
		this.sources.entrySet()
			.removeIf((entry) -> now.isAfter(entry.getValue().lastFailure.plus(this.properties.forgetAfter())));
	}

	private static final class State {

		int failures;

		int lockouts;

		Instant lastFailure = Instant.EPOCH;

		@Nullable Instant lockedUntil;

	}

}
