package dev.vigil.catalog.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import dev.vigil.catalog.media.MediaChanged;

/**
 * Per-camera counters and arrival statistics in Redis: uploads per UTC day and hour
 * (expiring), the latest arrival, and a moving average of the time between arrivals that
 * the silent-camera check compares against. Counted once per media item (redeliveries
 * publish nothing). They are operational figures; MongoDB stays the record, so a lost
 * Redis only resets them.
 */
@Component
public class CameraActivity {

	private static final Logger log = LoggerFactory.getLogger(CameraActivity.class);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);

	// One round trip, atomic: counters, last arrival (never moves backwards) and an
	// exponentially weighted mean gap (weight 0.2) over in-order arrivals.
	private static final RedisScript<Long> RECORD = RedisScript.of("""
			redis.call('INCR', KEYS[1]); redis.call('EXPIRE', KEYS[1], 691200)
			redis.call('INCR', KEYS[2]); redis.call('EXPIRE', KEYS[2], 172800)
			local at = tonumber(ARGV[1])
			local last = tonumber(redis.call('HGET', KEYS[3], 'last') or '0')
			if at > last then
			  if last > 0 then
			    local gap = at - last
			    local mean = tonumber(redis.call('HGET', KEYS[3], 'meanGapMs') or tostring(gap))
			    redis.call('HSET', KEYS[3], 'meanGapMs', tostring(math.floor(mean * 0.8 + gap * 0.2)))
			  end
			  redis.call('HSET', KEYS[3], 'last', ARGV[1])
			end
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	CameraActivity(StringRedisTemplate redis) {
		this.redis = redis;
	}

	@EventListener
	void onChange(MediaChanged change) {
		if (change.change() != MediaChanged.Change.UPLOADED || change.receivedAt() == null) {
			return;
		}
		Instant at = change.receivedAt();
		String camera = change.cameraId();
		try {
			this.redis.execute(
					RECORD, List.of(prefix(camera) + "day:" + DAY.format(at),
							prefix(camera) + "hour:" + HOUR.format(at), prefix(camera) + "arrivals"),
					String.valueOf(at.toEpochMilli()));
		}
		catch (RuntimeException ex) {
			log.warn("Could not count an upload of {}: {}", camera, ex.getMessage());
		}
	}

	/**
	 * The figures for one camera.
	 * @param cameraId camera
	 * @param now the current time
	 * @return counters; zero or absent when Redis has none
	 */
	public Snapshot snapshot(String cameraId, Instant now) {
		String prefix = prefix(cameraId);
		List<String> counts = this.redis.opsForValue()
			.multiGet(List.of(prefix + "day:" + DAY.format(now), prefix + "hour:" + HOUR.format(now)));
		Map<Object, Object> arrivals = this.redis.opsForHash().entries(prefix + "arrivals");
		Object last = arrivals.get("last");
		Object mean = arrivals.get("meanGapMs");
		return new Snapshot(number(counts, 0), number(counts, 1),
				(last != null) ? Instant.ofEpochMilli(Long.parseLong(last.toString())) : null,
				(mean != null) ? Duration.ofMillis(Long.parseLong(mean.toString())) : null);
	}

	private static long number(@Nullable List<String> values, int index) {
		if (values == null || values.size() <= index || values.get(index) == null) {
			return 0;
		}
		return Long.parseLong(values.get(index));
	}

	private static String prefix(String cameraId) {
		return "vigil:catalog:camera:" + cameraId + ":";
	}

	/**
	 * Counters of one camera.
	 *
	 * @param uploadsToday uploads received this UTC day
	 * @param uploadsThisHour uploads received this UTC hour
	 * @param lastSeen latest upload received
	 * @param meanInterval moving average of the time between uploads
	 */
	public record Snapshot(long uploadsToday, long uploadsThisHour, @Nullable Instant lastSeen,
			@Nullable Duration meanInterval) {

	}

}
