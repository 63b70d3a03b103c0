package dev.vigil.identity.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.vigil.identity.users.UserAccounts;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per source address in Redis and locks either one
 * with exponential back-off once its limit is reached. Locks apply to any typed username,
 * existing or not, so a lock reveals nothing about which accounts exist.
 *
 * <p>
 * If Redis is unreachable the throttle lets attempts through (logged): sign-in stays
 * available and password hashing still bounds guessing speed.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private static final String PREFIX = "vigil:identity:login:";

	private final StringRedisTemplate redis;

	private final LoginProperties properties;

	LoginThrottle(StringRedisTemplate redis, LoginProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/** How long the account or the source is still locked, if it is. */
	Optional<Duration> lockedFor(String username, String source) {
		try {
			long account = remainingMillis(lockKey("account", account(username)));
			long address = remainingMillis(lockKey("source", source));
			long remaining = Math.max(account, address);
			return (remaining > 0) ? Optional.of(Duration.ofMillis(remaining)) : Optional.empty();
		}
		catch (RuntimeException ex) {
			log.error("Login throttle unavailable, not enforcing: {}", ex.getMessage());
			return Optional.empty();
		}
	}

	/** Counts a failure; returns the lock-out it caused, if any. */
	Optional<Duration> recordFailure(String username, String source) {
		try {
			Duration accountLock = count("account", account(username), this.properties.maxFailuresPerAccount());
			Duration sourceLock = count("source", source, this.properties.maxFailuresPerSource());
			Duration longest = (accountLock.compareTo(sourceLock) >= 0) ? accountLock : sourceLock;
			return longest.isZero() ? Optional.empty() : Optional.of(longest);
		}
		catch (RuntimeException ex) {
			log.error("Login throttle unavailable, failure not counted: {}", ex.getMessage());
			return Optional.empty();
		}
	}

	/** A successful sign-in clears the account's failures (not the source's). */
	void recordSuccess(String username) {
		try {
			this.redis.delete(failureKey("account", account(username)));
		}
		catch (RuntimeException ex) {
			log.error("Login throttle unavailable: {}", ex.getMessage());
		}
	}

	/**
	 * Lock-out after the {@code failures}-th failure when {@code limit} are allowed: none
	 * below the limit, then {@code lockout}, doubling per further failure up to
	 * {@code maxLockout}.
	 */
	static Duration backoff(long failures, int limit, Duration lockout, Duration maxLockout) {
		if (failures < limit) {
			return Duration.ZERO;
		}
		long doublings = Math.min(failures - limit, 30);
		Duration lock = lockout.multipliedBy(1L << doublings);
		return (lock.compareTo(maxLockout) > 0) ? maxLockout : lock;
	}

	private Duration count(String kind, String subject, int limit) {
		String key = failureKey(kind, subject);
		Long failures = this.redis.opsForValue().increment(key);
		long count = (failures != null) ? failures : 1;
		if (count == 1) {
			this.redis.expire(key, this.properties.window());
		}
		Duration lock = backoff(count, limit, this.properties.lockout(), this.properties.maxLockout());
		if (!lock.isZero()) {
			this.redis.opsForValue().set(lockKey(kind, subject), Long.toString(count), lock);
			// Keep counting while locked attempts continue, so back-off keeps growing.
			this.redis.expire(key, this.properties.window().plus(lock));
		}
		return lock;
	}

	private long remainingMillis(String key) {
		Long ttl = this.redis.getExpire(key, java.util.concurrent.TimeUnit.MILLISECONDS);
		return (ttl != null && ttl > 0) ? ttl : 0;
	}

	private static String failureKey(String kind, String subject) {
		return PREFIX + "failures:" + kind + ":" + subject;
	}

	private static String lockKey(String kind, String subject) {
		return PREFIX + "lock:" + kind + ":" + subject;
	}

	/** Typed usernames are hashed so arbitrary input never becomes a raw Redis key. */
	private static String account(String username) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(UserAccounts.normalize(username).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
