package dev.vigil.catalog.event;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Serialises event recomputes of one camera across threads (a JVM lock) and across
 * replicas (a Redis lease with an owner token). The two topics of one camera may be
 * consumed by different replicas, and without transactions two interleaved recomputes
 * could leave a stale event. If Redis is unreachable the JVM lock still holds and the
 * recompute goes ahead: the next change of that camera repairs any interleaving.
 */
@Component
class CameraLock {

	private static final Logger log = LoggerFactory.getLogger(CameraLock.class);

	private static final Duration LEASE = Duration.ofSeconds(30);

	private static final Duration WAIT = Duration.ofSeconds(20);

	// Deletes the lease only if this owner still holds it.
	private static final RedisScript<Long> RELEASE = RedisScript.of(
			"if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end",
			Long.class);

	private final StringRedisTemplate redis;

	private final Map<String, ReentrantLock> local = new ConcurrentHashMap<>();

	CameraLock(StringRedisTemplate redis) {
		this.redis = redis;
	}

	void run(String cameraId, Runnable work) {
		ReentrantLock lock = this.local.computeIfAbsent(cameraId, (id) -> new ReentrantLock());
		lock.lock();
		try {
			String key = "vigil:catalog:stitch:" + cameraId;
			String owner = UUID.randomUUID().toString();
			boolean leased = lease(key, owner);
			try {
				work.run();
			}
			finally {
				if (leased) {
					release(key, owner);
				}
			}
		}
		finally {
			lock.unlock();
		}
	}

	private boolean lease(String key, String owner) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		try {
			while (true) {
				if (Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(key, owner, LEASE))) {
					return true;
				}
				if (System.nanoTime() > deadline) {
					// A holder that died keeps the key until the lease ends; going ahead
					// is
					// safer than stalling the consumer.
					log.warn("Proceeding without the stitch lease of {} after {}", key, WAIT);
					return false;
				}
				Thread.sleep(10);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + key, ex);
		}
		catch (RuntimeException ex) {
			log.warn("Stitching {} without a Redis lease: {}", key, ex.getMessage());
			return false;
		}
	}

	private void release(String key, String owner) {
		try {
			this.redis.execute(RELEASE, List.of(key), owner);
		}
		catch (RuntimeException ex) {
			log.warn("Could not release {}; it expires in {}: {}", key, LEASE, ex.getMessage());
		}
	}

}
