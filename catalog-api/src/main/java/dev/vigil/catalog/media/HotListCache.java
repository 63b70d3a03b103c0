package dev.vigil.catalog.media;

import java.time.Duration;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import dev.vigil.catalog.web.Page;

/**
 * Caches the first page of one camera's newest media (what the UI's camera tiles and the
 * old "last five" calls ask for over and over) in Redis for a few seconds. A change to a
 * camera's media drops its entries at once, so the cache never hides a new upload; the
 * TTL only bounds memory. Cache trouble falls back to MongoDB.
 */
@Component
@EnableConfigurationProperties(HotListCache.CacheProperties.class)
class HotListCache {

	private static final Logger log = LoggerFactory.getLogger(HotListCache.class);

	private static final TypeReference<Page<MediaView>> PAGE = new TypeReference<>() {
	};

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final CacheProperties properties;

	HotListCache(StringRedisTemplate redis, JsonMapper json, CacheProperties properties) {
		this.redis = redis;
		this.json = json;
		this.properties = properties;
	}

	Page<MediaView> get(String cameraId, String variant, Supplier<Page<MediaView>> loader) {
		if (this.properties.hotListTtl().isZero()) {
			return loader.get();
		}
		String key = key(cameraId);
		try {
			Object cached = this.redis.opsForHash().get(key, variant);
			if (cached != null) {
				return this.json.readValue(cached.toString(), PAGE);
			}
		}
		catch (RuntimeException ex) {
			log.debug("Hot list cache unavailable: {}", ex.getMessage());
			return loader.get();
		}
		Page<MediaView> page = loader.get();
		try {
			this.redis.opsForHash().put(key, variant, this.json.writeValueAsString(page));
			this.redis.expire(key, this.properties.hotListTtl());
		}
		catch (RuntimeException ex) {
			log.debug("Hot list cache unavailable: {}", ex.getMessage());
		}
		return page;
	}

	@EventListener
	void evict(MediaChanged change) {
		try {
			this.redis.delete(key(change.cameraId()));
		}
		catch (RuntimeException ex) {
			log.warn("Could not evict hot list of {}: {}", change.cameraId(), ex.getMessage());
		}
	}

	private static String key(String cameraId) {
		return "vigil:catalog:hot:" + cameraId;
	}

	/**
	 * Cache settings.
	 *
	 * @param hotListTtl how long a camera's first page is cached; 0 turns caching off
	 */
	@ConfigurationProperties("vigil.catalog.cache")
	record CacheProperties(@DefaultValue("10s") Duration hotListTtl) {

	}

	static @Nullable String variant(MediaFilter filter, @Nullable String cursor, int limit) {
		boolean onlyCamera = filter.camera() != null && filter.range().from() == null && filter.range().to() == null
				&& filter.label() == null && filter.minConfidence() == null && filter.status() == null
				&& filter.eventId() == null;
		if (!onlyCamera || cursor != null) {
			return null;
		}
		return ((filter.kind() != null) ? filter.kind().name() : "ALL") + ":" + limit;
	}

}
