package dev.vigil.catalog.audit;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dev.vigil.catalog.web.Cursor;
import dev.vigil.catalog.web.Page;
import dev.vigil.catalog.web.TimeRange;

/**
 * The append-only audit log. Nothing in this service updates or deletes an entry; the id
 * is a time-ordered-enough UUID paired with {@code at} for cursor paging.
 */
@Component
public class AuditLog {

	private final MongoTemplate mongo;

	private final Clock clock;

	AuditLog(MongoTemplate mongo) {
		this.mongo = mongo;
		this.clock = Clock.systemUTC();
	}

	public AuditEntry record(String actor, String action, String target, Map<String, Object> details) {
		AuditEntry entry = new AuditEntry(UUID.randomUUID().toString(), this.clock.instant(), actor, action, target,
				details);
		return this.mongo.insert(entry);
	}

	Page<AuditEntry> find(@org.jspecify.annotations.Nullable String action, TimeRange range,
			@org.jspecify.annotations.Nullable Cursor cursor, int limit) {
		List<Criteria> all = new java.util.ArrayList<>();
		if (action != null) {
			all.add(Criteria.where("action").is(action));
		}
		if (range.from() != null) {
			all.add(Criteria.where("at").gte(range.from()));
		}
		if (range.to() != null) {
			all.add(Criteria.where("at").lt(range.to()));
		}
		if (cursor != null) {
			all.add(new Criteria().orOperator(Criteria.where("at").lt(cursor.time()),
					Criteria.where("at").is(cursor.time()).and("_id").lt(cursor.id())));
		}
		Query query = all.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(all));
		query.with(Sort.by(Sort.Direction.DESC, "at", "_id")).limit(limit + 1);
		List<AuditEntry> entries = this.mongo.find(query, AuditEntry.class);
		String next = null;
		if (entries.size() > limit) {
			entries = entries.subList(0, limit);
			AuditEntry last = entries.getLast();
			next = new Cursor(last.at(), last.id()).encode();
		}
		return new Page<>(entries, next);
	}

}
