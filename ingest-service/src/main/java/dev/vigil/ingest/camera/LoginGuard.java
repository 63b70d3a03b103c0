package dev.vigil.ingest.camera;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Counts failed logins per source address and, independently, per account, and locks
 * either out with exponential back-off. A guessing camera or scanner then costs one map
 * entry, not CPU for PBKDF2.
 * <p>
 * A successful login clears neither count: otherwise an attacker with one camera's
 * password could log in with it between guesses at another camera's password and never be
 * locked out. Counts only fade when a source or account stays quiet for
 * {@code forget-after}. So that an attacker guessing from elsewhere cannot lock a camera
 * out of its own account, a source that logged in to an account before keeps logging in
 * to it while the account is locked (the source's own count still applies).
 */
public class LoginGuard {

	/** A camera is reached from a few addresses at most (its own, a NAT, a VPN). */
	private static final int MAX_KNOWN_SOURCES_PER_ACCOUNT = 8;

	private final LoginGuardProperties properties;

	private final Clock clock;

	private final Map<InetAddress, State> sources = new ConcurrentHashMap<>();

	private final Map<String, State> accounts = new ConcurrentHashMap<>();

	/** Sources that logged in to an account, with the time of the last success. */
	private final Map<String, Map<InetAddress, Instant>> knownSources = new ConcurrentHashMap<>();

	public LoginGuard(LoginGuardProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** Whether logins from this source are refused right now (checked at connect). */
	public boolean isLockedOut(InetAddress source) {
		return isLocked(this.sources.get(source), this.clock.instant());
	}

	/**
	 * Whether a login to this account from this source is refused right now: the source
	 * is locked, or the account is locked and the source never logged in to it.
	 */
	public boolean isLockedOut(InetAddress source, String user) {
		Instant now = this.clock.instant();
		if (isLocked(this.sources.get(source), now)) {
			return true;
		}
		return isLocked(this.accounts.get(user), now) && !isKnownSource(user, source, now);
	}

	void failed(InetAddress source, String user) {
		Instant now = this.clock.instant();
		count(this.sources, source, this.properties.maxFailures(), now);
		count(this.accounts, user, this.properties.maxAccountFailures(), now);
	}

	void succeeded(InetAddress source, String user) {
		Instant now = this.clock.instant();
		if (this.knownSources.size() >= this.properties.maxTracked()) {
			this.knownSources.entrySet()
				.removeIf((entry) -> entry.getValue()
					.values()
					.stream()
					.allMatch((last) -> now.isAfter(last.plus(this.properties.knownSourceFor()))));
		}
		this.knownSources.compute(user, (name, current) -> {
			Map<InetAddress, Instant> known = (current != null) ? current : new ConcurrentHashMap<>();
			if (known.size() >= MAX_KNOWN_SOURCES_PER_ACCOUNT && !known.containsKey(source)) {
				known.entrySet()
					.stream()
					.min(Map.Entry.comparingByValue())
					.ifPresent((oldest) -> known.remove(oldest.getKey()));
			}
			known.put(source, now);
			return known;
		});
	}

	/** How many sources and accounts have a failure record (for tests and metrics). */
	int tracked() {
		return this.sources.size() + this.accounts.size();
	}

	private boolean isKnownSource(String user, InetAddress source, Instant now) {
		Map<InetAddress, Instant> known = this.knownSources.get(user);
		Instant last = (known != null) ? known.get(source) : null;
		return last != null && !now.isAfter(last.plus(this.properties.knownSourceFor()));
	}

	private static boolean isLocked(@Nullable State state, Instant now) {
		return state != null && state.lockedUntil != null && now.isBefore(state.lockedUntil);
	}

	private <K> void count(Map<K, State> states, K key, int maxFailures, Instant now) {
		if (states.size() >= this.properties.maxTracked() && !states.containsKey(key)) {
			makeRoom(states, now);
		}
		states.compute(key, (ignored, current) -> {
			State state = (current == null || isForgotten(current, now)) ? new State() : current;
			state.lastFailure = now;
			state.failures++;
			if (state.failures >= maxFailures) {
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

	/**
	 * Keeps the map within {@code max-tracked}: quiet entries go first; under a scan from
	 * more addresses than that, the entries whose last failure is oldest and that are not
	 * locked right now go next, so a locked source or account stays locked.
	 */
	private <K> void makeRoom(Map<K, State> states, Instant now) {
		states.entrySet().removeIf((entry) -> isForgotten(entry.getValue(), now));
		int excess = states.size() - this.properties.maxTracked() + 1;
		if (excess <= 0) {
			return;
		}
		int evict = Math.max(excess, this.properties.maxTracked() / 10);
		List<K> oldest = states.entrySet()
			.stream()
			.filter((entry) -> !isLocked(entry.getValue(), now))
			.sorted(Comparator.comparing((Map.Entry<K, State> entry) -> entry.getValue().lastFailure))
			.limit(evict)
			.map(Map.Entry::getKey)
			.toList();
		oldest.forEach(states::remove);
	}

	private boolean isForgotten(State state, Instant now) {
		return now.isAfter(state.lastFailure.plus(this.properties.forgetAfter())) && !isLocked(state, now);
	}

	private static final class State {

		int failures;

		int lockouts;

		Instant lastFailure = Instant.EPOCH;

		@Nullable Instant lockedUntil;

	}

}
