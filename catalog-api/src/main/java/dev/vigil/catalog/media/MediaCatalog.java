package dev.vigil.catalog.media;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import dev.vigil.catalog.audit.AuditLog;
import dev.vigil.catalog.camera.CameraRegistry;
import dev.vigil.catalog.media.MediaDocument.Feedback;
import dev.vigil.catalog.security.CameraScope;
import dev.vigil.catalog.storage.ObjectStore;
import dev.vigil.catalog.web.ApiException;
import dev.vigil.catalog.web.Cursor;
import dev.vigil.catalog.web.Page;

/**
 * Reads and administrative changes of media items. Every read applies the caller's camera
 * scope; an item of a camera outside the scope is reported as not found, so its existence
 * does not leak.
 */
@Component
public class MediaCatalog {

	/**
	 * Items listed in an ambiguous answer; more cameras than this sharing bytes is odd.
	 */
	private static final int MAX_CANDIDATES = 50;

	private final MongoTemplate mongo;

	private final CameraRegistry cameras;

	private final ObjectStore store;

	private final AuditLog audit;

	private final MediaIndexer indexer;

	private final ApplicationEventPublisher publisher;

	MediaCatalog(MongoTemplate mongo, CameraRegistry cameras, ObjectStore store, AuditLog audit, MediaIndexer indexer,
			ApplicationEventPublisher publisher) {
		this.mongo = mongo;
		this.cameras = cameras;
		this.store = store;
		this.audit = audit;
		this.indexer = indexer;
		this.publisher = publisher;
	}

	public Page<MediaView> find(MediaFilter filter, CameraScope scope, @Nullable Cursor cursor, int limit) {
		if (filter.camera() != null) {
			scope.check(filter.camera());
			if (!this.cameras.exists(filter.camera())) {
				throw ApiException.notFound("camera", filter.camera());
			}
		}
		Query query = Query.query(filter.toCriteria(scope, cursor))
			.with(Sort.by(Sort.Direction.DESC, "takenAt", "_id"))
			.limit(limit + 1);
		List<MediaDocument> found = this.mongo.find(query, MediaDocument.class);
		String next = null;
		if (found.size() > limit) {
			found = found.subList(0, limit);
			MediaDocument last = found.getLast();
			next = new Cursor(last.takenAt(), last.id()).encode();
		}
		return new Page<>(found.stream().map(MediaView::of).toList(), next);
	}

	/**
	 * One visible item, by its id or by the SHA-256 of its content. A hash names an item
	 * when exactly one item the caller may see has that content (the way scripts find
	 * what they uploaded); when several cameras in scope sent the same bytes the answer
	 * is 409 {@code media-ambiguous} listing their ids, never a guess.
	 * @param mediaId {@code <cameraId>.<sha256>}, or a bare SHA-256
	 * @param scope the caller's cameras
	 * @return the item
	 * @throws ApiException 404 when nothing visible matches, 409 when a hash is ambiguous
	 */
	public MediaDocument get(String mediaId, CameraScope scope) {
		if (MediaIds.isContentHash(mediaId)) {
			return byContent(mediaId, scope);
		}
		MediaDocument media = this.mongo.findById(mediaId, MediaDocument.class);
		if (media == null || !media.isListed() || !scope.permits(media.cameraId())) {
			throw ApiException.notFound("media", mediaId);
		}
		return media;
	}

	private MediaDocument byContent(String sha256, CameraScope scope) {
		Criteria criteria = Criteria.where("sha256").is(sha256).and("listed").is(true).and("deletedAt").is(null);
		Criteria cameras = scope.restrict("cameraId", null);
		Query query = Query.query((cameras != null) ? new Criteria().andOperator(criteria, cameras) : criteria)
			.with(Sort.by(Sort.Direction.DESC, "takenAt", "_id"))
			.limit(MAX_CANDIDATES + 1);
		List<MediaDocument> found = this.mongo.find(query, MediaDocument.class);
		if (found.isEmpty()) {
			throw ApiException.notFound("media", sha256);
		}
		if (found.size() == 1) {
			return found.getFirst();
		}
		List<Map<String, Object>> candidates = found.stream()
			.limit(MAX_CANDIDATES)
			.map((media) -> Map.<String, Object>of("id", media.id(), "cameraId", media.cameraId()))
			.toList();
		throw new ApiException(HttpStatus.CONFLICT, "media-ambiguous", "Several media have this content",
				"Several cameras in scope sent content with SHA-256 " + sha256 + "; ask for one of the ids in 'media'",
				Map.of("media", candidates));
	}

	String contentUrl(String mediaId, ContentVariant variant, CameraScope scope) {
		MediaDocument media = get(mediaId, scope);
		String key = variant.key(media);
		if (key == null || media.bucket() == null) {
			throw new ApiException(HttpStatus.NOT_FOUND, "variant-not-found", "No such variant",
					"Media " + mediaId + " has no " + variant.name().toLowerCase(java.util.Locale.ROOT));
		}
		return this.store.presignedGet(media.bucket(), key);
	}

	/**
	 * Deletes a media item: its objects, then its document (kept as a tombstone), then
	 * the events around it are recomputed. Safe to repeat: a second call finds nothing.
	 * @param media the item
	 * @param actor who, for the audit log
	 * @param reason why, for the audit log
	 * @throws ApiException 409 while the item is under legal hold
	 */
	public void delete(MediaDocument media, String actor, String reason) {
		if (media.isHeld()) {
			throw new ApiException(HttpStatus.CONFLICT, "legal-hold", "Under legal hold",
					"Media " + media.id() + " is under legal hold and cannot be deleted");
		}
		if (media.bucket() != null) {
			this.store.delete(media.bucket(), media.objectKeys());
		}
		Update tombstone = new Update().set("deletedAt", Instant.now())
			.set("listed", false)
			.unset("detections")
			.unset("feedback")
			.inc("version", 1);
		// Only if still unheld: a hold placed meanwhile wins over the delete.
		long changed = this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(media.id()).and("legalHold").ne(true)), tombstone,
					MediaDocument.class)
			.getModifiedCount();
		if (changed == 0) {
			return;
		}
		this.indexer.restitch(media);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("cameraId", media.cameraId());
		details.put("reason", reason);
		details.put("objects", media.objectKeys());
		details.put("sizeBytes", media.sizeBytes());
		this.audit.record(actor, "media.deleted", media.id(), details);
		this.publisher.publishEvent(MediaChanged.of(MediaChanged.Change.DELETED, media));
	}

	void hold(MediaDocument media, boolean hold, String actor, @Nullable String reason) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(media.id())),
				new Update().set("legalHold", hold).inc("version", 1), MediaDocument.class);
		this.indexer.restitchAt(media);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("cameraId", media.cameraId());
		details.put("reason", (reason != null) ? reason : "");
		this.audit.record(actor, hold ? "media.held" : "media.released", media.id(), details);
	}

	/**
	 * Places or lifts a legal hold on every media item of an event.
	 * @param eventId the event
	 * @param mediaIds its media
	 * @param hold place or lift
	 * @param actor who
	 * @param reason why
	 */
	public void holdAll(String eventId, List<MediaDocument> mediaIds, boolean hold, String actor,
			@Nullable String reason) {
		List<String> ids = new ArrayList<>(mediaIds.stream().map(MediaDocument::id).toList());
		this.mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)),
				new Update().set("legalHold", hold).inc("version", 1), MediaDocument.class);
		if (!mediaIds.isEmpty()) {
			this.indexer.restitchAt(mediaIds.getFirst());
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("media", ids);
		details.put("reason", (reason != null) ? reason : "");
		this.audit.record(actor, hold ? "event.held" : "event.released", eventId, details);
	}

	MediaView feedback(MediaDocument media, int detection, boolean falsePositive, @Nullable String comment,
			String actor) {
		if (media.detections() == null || detection >= media.detections().size()) {
			throw ApiException.notFound("detection", media.id() + "/" + detection);
		}
		String label = media.detections().get(detection).label();
		Feedback feedback = new Feedback(detection, label, falsePositive, comment, actor, Instant.now());
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(media.id())),
				new Update().push("feedback", feedback), MediaDocument.class);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("detection", detection);
		details.put("label", label);
		details.put("falsePositive", falsePositive);
		this.audit.record(actor, "detection.feedback", media.id(), details);
		return MediaView.of(this.mongo.findById(media.id(), MediaDocument.class));
	}

}
