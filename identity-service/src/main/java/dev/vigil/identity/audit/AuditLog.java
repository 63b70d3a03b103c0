package dev.vigil.identity.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
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

	/**
	 * What happened; {@link #action()} is the code the admin API shows and filters on.
	 */
	public enum Type {

		LOGIN_SUCCEEDED("account.signed-in"), LOGIN_FAILED("account.sign-in-failed"),
		LOGIN_THROTTLED("account.locked-out"), PASSWORD_CHANGED("account.password-changed"),
		USER_CREATED("user.created"), USER_UPDATED("user.updated"), USER_DELETED("user.deleted"),
		TOKEN_ISSUED("token.issued"), CLIENT_CREATED("client.created"), CLIENT_SECRET_ROTATED("client.secret-rotated"),
		CLIENT_REVOKED("client.revoked"), SIGNING_KEY_ROTATED("signing-key.rotated");

		private final String action;

		Type(String action) {
			this.action = action;
		}

		public String action() {
			return this.action;
		}

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
	 * A newest-first page of entries; {@link Type#TOKEN_ISSUED} (one per token refresh)
	 * only when asked for by type.
	 * @param types the types to list, or empty for all but token issues
	 * @param actor only this actor, if given
	 * @param from inclusive lower bound, if given
	 * @param to exclusive upper bound, if given
	 * @param before only entries older than this position (the last entry of the previous
	 * page), if given
	 * @param limit at most this many
	 */
	List<AuditEntry> find(List<Type> types, @Nullable String actor, @Nullable Instant from, @Nullable Instant to,
			@Nullable Position before, int limit) {
		List<Criteria> all = new ArrayList<>();
		List<String> names = (types.isEmpty() ? EnumSet.complementOf(EnumSet.of(Type.TOKEN_ISSUED))
				: EnumSet.copyOf(types))
			.stream()
			.map(Type::name)
			.toList();
		all.add(Criteria.where("type").in(names));
		if (actor != null) {
			all.add(Criteria.where("actor").is(actor));
		}
		if (from != null) {
			all.add(Criteria.where("at").gte(from));
		}
		if (to != null) {
			all.add(Criteria.where("at").lt(to));
		}
		if (before != null) {
			all.add(new Criteria().orOperator(Criteria.where("at").lt(before.at()),
					Criteria.where("at").is(before.at()).and("id").lt(before.id())));
		}
		Query query = Query.query(new Criteria().andOperator(all))
			.with(Sort.by(Sort.Direction.DESC, "at").and(Sort.by(Sort.Direction.DESC, "id")))
			.limit(limit);
		return this.mongo.find(query, AuditEntry.class, COLLECTION);
	}

	/**
	 * Where a page ended: the time and id of its last entry.
	 *
	 * @param at the entry's time
	 * @param id the entry's id
	 */
	record Position(Instant at, String id) {
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
