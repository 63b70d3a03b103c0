package dev.vigil.ingest.camera;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.BiPredicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a while, that a password matched a stored PBKDF2 hash, so a camera that
 * opens an FTP session per file pays the 600 000 iterations once per {@code remember-for}
 * instead of once per upload (as Elasticsearch's realm cache does). Only a correct
 * password is remembered: every wrong guess still costs the full PBKDF2, so guessing
 * stays as slow as before. What is kept is an HMAC of the password under a random key of
 * this process, keyed by the stored hash, so a changed password (a new hash) is never
 * answered from memory, and nothing survives a restart.
 * <p>
 * Full checks run at most {@code parallel} at a time (one per core by default), first
 * come first served: when every camera logs in at once after a start, the first cameras
 * are in within one PBKDF2 each instead of all of them after the whole burst's CPU time,
 * and uploads of cameras already logged in keep a core.
 */
final class VerifiedPasswords {

	/** Most remembered hashes; beyond it, expired entries go first, then any. */
	static final int MAX_ENTRIES = 10_000;

	private final Duration rememberFor;

	private final Clock clock;

	private final BiPredicate<String, String> verifier;

	private final byte[] key = new byte[32];

	private final Map<String, Entry> verified = new ConcurrentHashMap<>();

	private final Semaphore checks;

	/**
	 * @param rememberFor how long a verified password is remembered; zero turns it off
	 * @param clock the clock
	 * @param verifier the full check, {@code (password, encodedHash) -> matches}
	 */
	VerifiedPasswords(Duration rememberFor, Clock clock, BiPredicate<String, String> verifier) {
		this(rememberFor, clock, verifier, Runtime.getRuntime().availableProcessors());
	}

	/**
	 * @param rememberFor how long a verified password is remembered; zero turns it off
	 * @param clock the clock
	 * @param verifier the full check, {@code (password, encodedHash) -> matches}
	 * @param parallel full checks at a time
	 */
	VerifiedPasswords(Duration rememberFor, Clock clock, BiPredicate<String, String> verifier, int parallel) {
		if (parallel < 1) {
			throw new IllegalArgumentException("parallel must be at least 1, was " + parallel);
		}
		this.checks = new Semaphore(parallel, true);
		this.rememberFor = rememberFor;
		this.clock = clock;
		this.verifier = verifier;
		new SecureRandom().nextBytes(this.key);
	}

	boolean matches(String password, String encoded) {
		if (this.rememberFor.isZero() || this.rememberFor.isNegative()) {
			return check(password, encoded);
		}
		Instant now = this.clock.instant();
		byte[] mac = mac(password);
		Entry entry = this.verified.get(encoded);
		if (entry != null && now.isBefore(entry.until()) && MessageDigest.isEqual(entry.mac(), mac)) {
			return true;
		}
		if (!check(password, encoded)) {
			return false;
		}
		if (this.verified.size() >= MAX_ENTRIES) {
			evict(now);
		}
		this.verified.put(encoded, new Entry(mac, now.plus(this.rememberFor)));
		return true;
	}

	private boolean check(String password, String encoded) {
		this.checks.acquireUninterruptibly();
		try {
			return this.verifier.test(password, encoded);
		}
		finally {
			this.checks.release();
		}
	}

	/** Full checks waiting for their turn now (for tests). */
	int queued() {
		return this.checks.getQueueLength();
	}

	int size() {
		return this.verified.size();
	}

	private void evict(Instant now) {
		this.verified.values().removeIf((entry) -> !now.isBefore(entry.until()));
		Iterator<String> keys = this.verified.keySet().iterator();
		while (this.verified.size() >= MAX_ENTRIES && keys.hasNext()) {
			keys.next();
			keys.remove();
		}
	}

	private byte[] mac(String password) {
		try {
			Mac hmac = Mac.getInstance("HmacSHA256");
			hmac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			return hmac.doFinal(password.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

	private record Entry(byte[] mac, Instant until) {
	}

}
