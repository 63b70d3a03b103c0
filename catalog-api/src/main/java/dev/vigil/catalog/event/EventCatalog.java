package dev.vigil.catalog.event;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dev.vigil.catalog.media.MediaDocument;
import dev.vigil.catalog.security.CameraScope;
import dev.vigil.catalog.web.ApiException;
import dev.vigil.catalog.web.Cursor;
import dev.vigil.catalog.web.Page;

/**
 * Reads of stitched events, the counterpart of {@code MediaCatalog}. Every read applies
 * the caller's camera scope; an event of a camera outside it is reported as not found.
 */
@Component
class EventCatalog {

	private final MongoTemplate mongo;

	EventCatalog(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** One page of events, newest first; the cursor is the last event's start and id. */
	Page<EventDocument> find(EventFilter filter, CameraScope scope, @Nullable Cursor cursor, int limit) {
		List<Criteria> all = filter.toCriteria(scope, cursor);
		Query query = all.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(all));
		query.with(Sort.by(Sort.Direction.DESC, "start", "_id")).limit(limit + 1);
		List<EventDocument> found = this.mongo.find(query, EventDocument.class);
		String next = null;
		if (found.size() > limit) {
			found = found.subList(0, limit);
			next = new Cursor(found.getLast().start(), found.getLast().id()).encode();
		}
		return new Page<>(found, next);
	}

	/**
	 * One event.
	 * @throws ApiException 404 if there is none, or its camera is outside the scope
	 */
	EventDocument get(String id, CameraScope scope) {
		EventDocument event = this.mongo.findById(id, EventDocument.class);
		if (event == null || !scope.permits(event.cameraId())) {
			throw ApiException.notFound("event", id);
		}
		return event;
	}

	/** The listed, not deleted media items of an event. */
	List<MediaDocument> listedMedia(String eventId) {
		return this.mongo.find(
				Query.query(Criteria.where("eventId").is(eventId).and("listed").is(true).and("deletedAt").is(null)),
				MediaDocument.class);
	}

}
