package dev.vigil.catalog.review;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dev.vigil.catalog.event.EventDocument;

/**
 * Who reviewed which event. An event counts as reviewed for a person when they marked it,
 * or when it started at or before their "reviewed up to" watermark and they did not mark
 * it unreviewed again. Marks newer than the watermark are kept one per event; marking all
 * up to a time drops the marks it makes redundant, so the set stays small.
 */
@Component
@EnableConfigurationProperties(ReviewProperties.class)
class ReviewLedger {

	private final MongoTemplate mongo;

	private final ReviewProperties properties;

	private final Clock clock = Clock.systemUTC();

	ReviewLedger(MongoTemplate mongo, ReviewProperties properties) {
		this.mongo = mongo;
		this.properties = properties;
	}

	State state(String user) {
		ReviewedUpTo watermark = this.mongo.findById(user, ReviewedUpTo.class);
		Set<String> reviewed = new HashSet<>();
		Set<String> unreviewed = new HashSet<>();
		for (ReviewMark mark : this.mongo.find(Query.query(Criteria.where("user").is(user)), ReviewMark.class)) {
			(mark.reviewed() ? reviewed : unreviewed).add(mark.eventId());
		}
		return new State((watermark != null) ? watermark.upTo() : null, reviewed, unreviewed);
	}

	void mark(String user, EventDocument event, boolean reviewed) {
		this.mongo.save(new ReviewMark(ReviewMark.id(user, event.id()), user, event.id(), event.start(), reviewed,
				this.clock.instant()));
	}

	void markAllUpTo(String user, Instant upTo) {
		ReviewedUpTo current = this.mongo.findById(user, ReviewedUpTo.class);
		// Never moves back: an older "up to" would silently un-review events.
		Instant effective = (current != null && current.upTo().isAfter(upTo)) ? current.upTo() : upTo;
		this.mongo.save(new ReviewedUpTo(user, effective));
		this.mongo.remove(Query.query(Criteria.where("user").is(user).and("eventStart").lte(effective)),
				ReviewMark.class);
	}

	Instant now() {
		return this.clock.instant();
	}

	boolean isAlert(EventDocument event) {
		return event.labels().stream().anyMatch((label) -> this.properties.alertLabels().contains(label.label()));
	}

	/** Events with an alert-worthy label ({@code true}) or none ({@code false}). */
	Criteria alerts(boolean alerts) {
		Criteria alert = Criteria.where("labels").elemMatch(Criteria.where("label").in(this.properties.alertLabels()));
		return alerts ? alert : new Criteria().norOperator(alert);
	}

	/**
	 * One person's review state.
	 *
	 * @param upTo their watermark, if any
	 * @param reviewed events marked reviewed
	 * @param unreviewed events marked unreviewed again
	 */
	record State(@Nullable Instant upTo, Set<String> reviewed, Set<String> unreviewed) {

		boolean isReviewed(EventDocument event) {
			if (this.reviewed.contains(event.id())) {
				return true;
			}
			if (this.unreviewed.contains(event.id())) {
				return false;
			}
			return this.upTo != null && !event.start().isAfter(this.upTo);
		}

		/**
		 * Criteria on events selecting the reviewed ({@code true}) or unreviewed ones.
		 */
		Criteria criteria(boolean wanted) {
			List<String> reviewedIds = List.copyOf(this.reviewed);
			List<String> unreviewedIds = List.copyOf(this.unreviewed);
			if (this.upTo == null) {
				return wanted ? Criteria.where("_id").in(reviewedIds) : Criteria.where("_id").nin(reviewedIds);
			}
			if (wanted) {
				return new Criteria().orOperator(Criteria.where("_id").in(reviewedIds),
						Criteria.where("start").lte(this.upTo).and("_id").nin(unreviewedIds));
			}
			return new Criteria().orOperator(Criteria.where("_id").in(unreviewedIds),
					Criteria.where("start").gt(this.upTo).and("_id").nin(reviewedIds));
		}

	}

}
