package dev.vigil.catalog.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import dev.vigil.catalog.audit.AuditLog;
import dev.vigil.catalog.camera.CameraDocument;
import dev.vigil.catalog.camera.CameraRegistry;
import dev.vigil.catalog.media.MediaCatalog;
import dev.vigil.catalog.media.MediaDocument;
import dev.vigil.catalog.security.CameraScope;
import dev.vigil.contracts.MediaKind;

/**
 * Applies retention per camera and kind: first by age (receive time, which a camera's
 * wrong clock cannot skew), then by total size, oldest first. Held items are never
 * touched. Each item goes the way an admin delete goes (objects, tombstone, events,
 * audit), in bounded batches. A second run finds nothing left to do. A Redis lock keeps
 * instances from running it at the same time.
 */
@Component
@EnableConfigurationProperties(RetentionProperties.class)
public class RetentionJob {

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	private static final String LOCK = "vigil:catalog:retention:lock";

	private final MongoTemplate mongo;

	private final CameraRegistry cameras;

	private final MediaCatalog media;

	private final AuditLog audit;

	private final StringRedisTemplate redis;

	private final RetentionProperties properties;

	private final Clock clock;

	RetentionJob(MongoTemplate mongo, CameraRegistry cameras, MediaCatalog media, AuditLog audit,
			StringRedisTemplate redis, RetentionProperties properties) {
		this.mongo = mongo;
		this.cameras = cameras;
		this.media = media;
		this.audit = audit;
		this.redis = redis;
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	@Scheduled(initialDelayString = "${vigil.catalog.retention.interval:1h}",
			fixedDelayString = "${vigil.catalog.retention.interval:1h}")
	void scheduled() {
		if (this.properties.enabled()) {
			run("retention");
		}
	}

	/**
	 * One pass over every camera.
	 * @param actor who started it, for the audit log
	 * @return what was deleted, or null when another instance holds the lock
	 */
	public @Nullable Report run(String actor) {
		String token = UUID.randomUUID().toString();
		Boolean locked = this.redis.opsForValue().setIfAbsent(LOCK, token, Duration.ofMinutes(30));
		if (!Boolean.TRUE.equals(locked)) {
			log.info("Retention already running elsewhere");
			return null;
		}
		try {
			Instant now = this.clock.instant();
			long byAge = 0;
			long bySize = 0;
			long bytes = 0;
			for (CameraDocument camera : this.cameras.findAll(CameraScope.ALL)) {
				for (MediaKind kind : MediaKind.values()) {
					Report age = deleteOlderThan(camera, kind, now.minus(maxAge(camera, kind)), actor);
					byAge += age.deleted();
					bytes += age.bytes();
					Long maxBytes = maxBytes(camera, kind);
					if (maxBytes != null) {
						Report size = shrinkTo(camera, kind, maxBytes, actor);
						bySize += size.deleted();
						bytes += size.bytes();
					}
				}
			}
			Report report = new Report(byAge + bySize, bytes);
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("deletedByAge", byAge);
			details.put("deletedBySize", bySize);
			details.put("bytes", bytes);
			this.audit.record(actor, "retention.run", "all-cameras", details);
			return report;
		}
		finally {
			if (token.equals(this.redis.opsForValue().get(LOCK))) {
				this.redis.delete(LOCK);
			}
		}
	}

	private Report deleteOlderThan(CameraDocument camera, MediaKind kind, Instant cutoff, String actor) {
		long deleted = 0;
		long bytes = 0;
		for (int batch = 0; batch < this.properties.maxBatches(); batch++) {
			List<MediaDocument> expired = this.mongo
				.find(Query.query(candidates(camera, kind).and("receivedAt").lt(cutoff))
					.with(Sort.by("receivedAt", "_id"))
					.limit(this.properties.batchSize()), MediaDocument.class);
			for (MediaDocument item : expired) {
				this.media.delete(item, actor, "older than " + maxAge(camera, kind));
				deleted++;
				bytes += (item.sizeBytes() != null) ? item.sizeBytes() : 0;
			}
			if (expired.size() < this.properties.batchSize()) {
				break;
			}
		}
		return new Report(deleted, bytes);
	}

	private Report shrinkTo(CameraDocument camera, MediaKind kind, long maxBytes, String actor) {
		long total = totalBytes(camera, kind);
		long deleted = 0;
		long bytes = 0;
		for (int batch = 0; batch < this.properties.maxBatches() && total > maxBytes; batch++) {
			List<MediaDocument> oldest = this.mongo.find(Query.query(candidates(camera, kind))
				.with(Sort.by("receivedAt", "_id"))
				.limit(this.properties.batchSize()), MediaDocument.class);
			if (oldest.isEmpty()) {
				break;
			}
			for (MediaDocument item : oldest) {
				if (total <= maxBytes) {
					break;
				}
				long size = (item.sizeBytes() != null) ? item.sizeBytes() : 0;
				this.media.delete(item, actor, "camera over " + DataSize.ofBytes(maxBytes) + " of " + kind);
				total -= size;
				bytes += size;
				deleted++;
			}
		}
		return new Report(deleted, bytes);
	}

	private long totalBytes(CameraDocument camera, MediaKind kind) {
		List<Document> rows = this.mongo
			.aggregate(
					Aggregation.newAggregation(Aggregation.match(Criteria.where("cameraId")
						.is(camera.id())
						.and("kind")
						.is(kind)
						.and("listed")
						.is(true)
						.and("deletedAt")
						.is(null)), Aggregation.group("cameraId").sum("sizeBytes").as("bytes")),
					"media", Document.class)
			.getMappedResults();
		return rows.isEmpty() ? 0 : ((Number) rows.getFirst().get("bytes")).longValue();
	}

	private static Criteria candidates(CameraDocument camera, MediaKind kind) {
		return Criteria.where("cameraId")
			.is(camera.id())
			.and("kind")
			.is(kind)
			.and("listed")
			.is(true)
			.and("deletedAt")
			.is(null)
			.and("legalHold")
			.ne(true);
	}

	private Duration maxAge(CameraDocument camera, MediaKind kind) {
		CameraDocument.Retention retention = camera.retention();
		Integer days = (retention == null) ? null
				: (kind == MediaKind.IMAGE) ? retention.imageMaxAgeDays() : retention.videoMaxAgeDays();
		if (days != null) {
			return Duration.ofDays(days);
		}
		return (kind == MediaKind.IMAGE) ? this.properties.imageMaxAge() : this.properties.videoMaxAge();
	}

	private @Nullable Long maxBytes(CameraDocument camera, MediaKind kind) {
		CameraDocument.Retention retention = camera.retention();
		Long bytes = (retention == null) ? null
				: (kind == MediaKind.IMAGE) ? retention.imageMaxBytes() : retention.videoMaxBytes();
		if (bytes != null) {
			return bytes;
		}
		DataSize size = (kind == MediaKind.IMAGE) ? this.properties.imageMaxSize() : this.properties.videoMaxSize();
		return (size != null) ? size.toBytes() : null;
	}

	/**
	 * What one run deleted.
	 *
	 * @param deleted media items
	 * @param bytes bytes of originals
	 */
	public record Report(long deleted, long bytes) {

	}

}
