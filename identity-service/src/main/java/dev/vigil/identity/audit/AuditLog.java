package dev.vigil.identity.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Security audit trail in the {@code audit} collection of the identity database: one
 * document per sign-in, failure, lock-out, token issued and administrative change. Also
 * logged on the {@code dev.vigil.audit} logger so it reaches the log pipeline when Mongo
 * is slow or down. Secrets never appear in entries.
 */
@Component
public class AuditLog {

	static final String COLLECTION = "audit";

	private static final Logger log = LoggerFactory.getLogger("dev.vigil.audit");

	private final MongoTemplate mongo;

	private final Clock clock;

	AuditLog(MongoTemplate mongo) {
		this.mongo = mongo;
		this.clock = Clock.systemUTC();
	}

	public enum Type {

		LOGIN_SUCCEEDED, LOGIN_FAILED, LOGIN_THROTTLED, PASSWORD_CHANGED, USER_CREATED, USER_UPDATED, USER_DELETED,
		TOKEN_ISSUED, CLIENT_CREATED, CLIENT_SECRET_ROTATED, CLIENT_REVOKED, SIGNING_KEY_ROTATED

	}

	/**
	 * Records an event.
	 * @param type what happened
	 * @param actor who did it (username, client id, or the name typed at a failed login)
	 * @param clientId the OAuth client involved, if any
	 * @param source the caller's address, if known
	 * @param detail a short, secret-free description
	 */
	public void record(Type type, @Nullable String actor, @Nullable String clientId, @Nullable String source,
			@Nullable String detail) {
		AuditEntry entry = new AuditEntry(null, this.clock.instant(), type.name(), actor, clientId, source, detail);
		log.info("audit type={} actor={} client={} source={} detail={}", type, actor, clientId, source, detail);
		try {
			this.mongo.insert(entry, COLLECTION);
		}
		catch (RuntimeException ex) {
			log.error("Could not store audit entry {}: {}", type, ex.getMessage());
		}
	}

	/** The newest entries of one type for one actor (admin views and tests). */
	public List<AuditEntry> recent(Type type, String actor, int limit) {
		Query query = Query.query(Criteria.where("type").is(type.name()).and("actor").is(actor))
			.with(Sort.by(Sort.Direction.DESC, "at"))
			.limit(limit);
		return this.mongo.find(query, AuditEntry.class, COLLECTION);
	}

	/**
	 * One audit document.
	 *
	 * @param id Mongo id
	 * @param at when
	 * @param type {@link Type} name
	 * @param actor who
	 * @param clientId OAuth client involved
	 * @param source remote address
	 * @param detail description
	 */
	public record AuditEntry(@Nullable String id, Instant at, String type, @Nullable String actor,
			@Nullable String clientId, @Nullable String source, @Nullable String detail) {
	}

}
