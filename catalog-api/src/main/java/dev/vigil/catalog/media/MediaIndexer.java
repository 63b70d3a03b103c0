package dev.vigil.catalog.media;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.vigil.catalog.camera.CameraRegistry;
import dev.vigil.catalog.media.MediaDocument.StoredDetection;
import dev.vigil.contracts.ClipSummary;
import dev.vigil.contracts.Detection;
import dev.vigil.contracts.MediaProcessed;
import dev.vigil.contracts.MediaUploaded;

/**
 * Applies wire events to the catalog. Each event type sets only its own fields with an
 * upsert, so the document is the same whatever arrives first; an event already applied
 * (same event id) is skipped before anything is written, so redelivery changes nothing; a
 * deleted item's tombstone makes late events no-ops. Every change of an item's place on
 * the timeline is published as a {@link TimelineChanged}, on which the motion events are
 * restitched.
 */
@Component
@EnableConfigurationProperties(MediaIndexProperties.class)
public class MediaIndexer {

	private static final Logger log = LoggerFactory.getLogger(MediaIndexer.class);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	private static final int SETTLE_ATTEMPTS = 8;

	private final MongoTemplate mongo;

	private final CameraRegistry cameras;

	private final MediaIndexProperties properties;

	private final ApplicationEventPublisher publisher;

	MediaIndexer(MongoTemplate mongo, CameraRegistry cameras, MediaIndexProperties properties,
			ApplicationEventPublisher publisher) {
		this.mongo = mongo;
		this.cameras = cameras;
		this.properties = properties;
		this.publisher = publisher;
	}

	/**
	 * Indexes an upload.
	 * @param event the event
	 * @return whether anything changed
	 */
	public boolean uploaded(MediaUploaded event) {
		String id = MediaIds.of(event.cameraId(), event.mediaId());
		MediaDocument existing = this.mongo.findById(id, MediaDocument.class);
		if (isRedelivery(existing, event.eventId().toString(), MediaDocument::uploadEventId)) {
			return false;
		}
		if (existing != null && existing.isHeld() && existing.receivedAt() != null) {
			// The same camera sent the same bytes again (a new event, not a redelivery):
			// evidence under hold keeps the path, times and event it was held with.
			log.info("Upload {} not applied to {}: the item is under legal hold", event.eventId(), id);
			return false;
		}
		Update update = new Update().set("cameraId", event.cameraId())
			.set("sha256", event.sha256())
			.set("edgeNodeId", event.edgeNodeId())
			.set("kind", event.kind())
			.set("contentType", event.contentType())
			.set("sizeBytes", event.sizeBytes())
			.set("bucket", event.bucket())
			.set("objectKey", event.objectKey())
			.set("originalPath", event.originalPath())
			.set("capturedAt", event.capturedAt())
			.set("capturedAtSource", event.capturedAtSource())
			.set("receivedAt", event.receivedAt())
			.set("uploadEventId", event.eventId().toString())
			.setOnInsert("status", "PENDING")
			.setOnInsert("legalHold", false)
			.inc("version", 1);
		// Unheld only: a hold placed since the read above wins over the rewrite.
		Upsert upsert = upsert(Query.query(live(id).and("legalHold").ne(true)), update);
		if (!upsert.applied()) {
			return false;
		}
		MediaDocument before = upsert.before();
		this.cameras.recordUpload(event.cameraId(), event.edgeNodeId(), event.receivedAt());
		MediaDocument after = settle(id);
		boolean first = before == null || before.receivedAt() == null;
		if (first && after != null) {
			this.publisher.publishEvent(MediaChanged.of(MediaChanged.Change.UPLOADED, after));
		}
		return true;
	}

	/**
	 * Indexes processing results. Results older than those stored (a re-run's redelivered
	 * predecessor) are ignored, so the newest processing wins in any order.
	 * @param event the event
	 * @return whether anything changed
	 */
	public boolean processed(MediaProcessed event) {
		String id = MediaIds.of(event.cameraId(), event.mediaId());
		MediaDocument existing = this.mongo.findById(id, MediaDocument.class);
		if (isRedelivery(existing, event.eventId().toString(), MediaDocument::processEventId)) {
			return false;
		}
		if (existing != null && existing.isHeld() && existing.processedAt() != null) {
			// A re-run must not change the detections evidence was held with; a first
			// result (held before processing finished) still completes the item.
			log.info("Processing {} not applied to {}: the item is under legal hold", event.eventId(), id);
			return false;
		}
		List<StoredDetection> detections = event.detections().stream().map(MediaIndexer::stored).toList();
		Update update = new Update().set("cameraId", event.cameraId())
			.set("sha256", event.mediaId())
			.set("thumbnailKey", event.derived().thumbnail())
			.set("posterKey", event.derived().poster())
			.set("renditionKey", event.derived().rendition())
			.set("width", event.width())
			.set("height", event.height())
			.set("durationMs", event.durationMs())
			.set("contentCapturedAt", event.capturedAt())
			.set("cameraModel", event.cameraModel())
			.set("videoCodec", event.videoCodec())
			.set("detections", detections)
			.set("detectorName", (event.detector() != null) ? event.detector().name() : null)
			.set("detectorVersion", (event.detector() != null) ? event.detector().version() : null)
			.set("processingMs", event.processingMs())
			.set("clip", stored(event.clip()))
			.set("status", event.status().name())
			.set("reason", event.reason())
			.set("processedAt", event.processedAt())
			.set("processEventId", event.eventId().toString())
			.set("personConfidence", event.maxConfidence(this.properties.personLabel()))
			.setOnInsert("legalHold", false)
			.inc("version", 1);
		// Events of one camera arrive in partition order, one at a time, so this check
		// and the upsert below do not race; it keeps the upsert's query a plain equality.
		Query newer = Query.query(Criteria.where("_id").is(id).and("processedAt").gt(event.processedAt()));
		if (this.mongo.exists(newer, MediaDocument.class)) {
			return false;
		}
		if (!upsert(Query.query(live(id)), update).applied()) {
			return false;
		}
		MediaDocument after = settle(id);
		if (after != null && after.isListed()) {
			this.publisher.publishEvent(MediaChanged.of(MediaChanged.Change.PROCESSED, after));
		}
		return true;
	}

	private static MediaDocument.@Nullable StoredClip stored(@Nullable ClipSummary clip) {
		if (clip == null) {
			return null;
		}
		return new MediaDocument.StoredClip(clip.sampledFrames(), clip.posterFrameMs(), clip.labels()
			.stream()
			.map((l) -> new MediaDocument.StoredClipLabel(l.label(), l.maxConfidence(), l.bestFrameMs(), l.frameMs()))
			.toList());
	}

	private static StoredDetection stored(Detection detection) {
		int bucket = Math.min(9, (int) Math.floor(detection.confidence() * 10));
		return new StoredDetection(detection.label(), detection.confidence(), detection.box().x(), detection.box().y(),
				detection.box().width(), detection.box().height(), detection.frameMs(), bucket);
	}

	/**
	 * Whether the event was applied before (or the item is deleted). A redelivery writes
	 * nothing new, but the derived fields are settled again: if the service stopped
	 * between the upsert and the settling, the redelivery is what completes it. Settling
	 * is deterministic, so for a fully indexed item it changes nothing.
	 */
	private boolean isRedelivery(@Nullable MediaDocument existing, String eventId,
			java.util.function.Function<MediaDocument, @Nullable String> appliedEventId) {
		if (existing == null) {
			return false;
		}
		if (existing.deletedAt() != null) {
			return true;
		}
		if (eventId.equals(appliedEventId.apply(existing))) {
			settle(existing.id());
			return true;
		}
		return false;
	}

	private static Criteria live(String mediaId) {
		return Criteria.where("_id").is(mediaId).and("deletedAt").is(null);
	}

	/**
	 * Upserts and returns the document as it was before (none when new). When the query's
	 * conditions exclude an existing document the upsert collides with its id: that means
	 * deleted or newer, and the event is not applied.
	 */
	private Upsert upsert(Query query, Update update) {
		for (int attempt = 0; attempt < 3; attempt++) {
			try {
				return new Upsert(true, this.mongo.findAndModify(query, update,
						FindAndModifyOptions.options().upsert(true).returnNew(false), MediaDocument.class));
			}
			catch (DuplicateKeyException ex) {
				// Either excluded on purpose (deleted, newer), or a concurrent insert
				// won:
				// then the retry updates the document that now exists.
				if (!this.mongo.exists(query, MediaDocument.class)) {
					log.debug("Event not applied to {}: item deleted or holds newer data", query);
					return Upsert.NOT_APPLIED;
				}
			}
		}
		throw new IllegalStateException("Could not upsert media after 3 attempts");
	}

	/**
	 * Derives the sort time and day from the stored fields, lists the item once its
	 * upload is indexed, and restitches the events around the old and new time. The write
	 * is conditional on the version read, so a concurrent change makes this start over
	 * rather than write a stale time.
	 */
	private @Nullable MediaDocument settle(String mediaId) {
		for (int attempt = 0; attempt < SETTLE_ATTEMPTS; attempt++) {
			MediaDocument media = this.mongo.findById(mediaId, MediaDocument.class);
			if (media == null || !media.isIndexed()) {
				return media;
			}
			Instant time = Objects.requireNonNull(media.bestTime());
			Instant previous = media.takenAt();
			if (!time.equals(previous) || !media.isListed()) {
				// Listed with its sort time: no listing ever shows it unsorted.
				Query unchanged = Query
					.query(Criteria.where("_id").is(mediaId).and("version").is(media.versionOrZero()));
				Update update = new Update().set("takenAt", time)
					.set("day", DAY.format(time))
					.set("listed", true)
					.inc("version", 1);
				if (this.mongo.updateFirst(unchanged, update, MediaDocument.class).getModifiedCount() == 0) {
					continue;
				}
			}
			this.publisher.publishEvent(new TimelineChanged(media.cameraId(), previous, time));
			return this.mongo.findById(mediaId, MediaDocument.class);
		}
		throw new IllegalStateException("Media " + mediaId + " kept changing while being indexed");
	}

	/**
	 * Re-derives the events around an item after it was removed or its hold changed.
	 * @param media the item as it was
	 */
	void restitch(MediaDocument media) {
		if (media.takenAt() != null) {
			this.publisher.publishEvent(new TimelineChanged(media.cameraId(), media.takenAt(), null));
		}
	}

	void restitchAt(MediaDocument media) {
		if (media.takenAt() != null) {
			this.publisher.publishEvent(new TimelineChanged(media.cameraId(), null, media.takenAt()));
		}
	}

	/**
	 * The outcome of an upsert.
	 *
	 * @param applied false when the item is deleted or holds newer data
	 * @param before the document as it was, null when the upsert created it
	 */
	private record Upsert(boolean applied, @Nullable MediaDocument before) {

		static final Upsert NOT_APPLIED = new Upsert(false, null);

	}

}
