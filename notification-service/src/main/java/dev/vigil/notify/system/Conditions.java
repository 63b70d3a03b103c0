package dev.vigil.notify.system;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dev.vigil.notify.delivery.SystemConditions;
import dev.vigil.notify.delivery.SystemNotice;
import dev.vigil.notify.mqtt.CameraStatus;
import dev.vigil.notify.rule.SystemAlerting;

/**
 * Keeps each condition's state and alerts only on a change: once when it goes bad, once
 * when it recovers, never while it stays as it is. A condition first seen healthy is only
 * recorded. A silent camera also sets its retained {@code vigil/<camera>/status}. The
 * state is changed with a compare-and-set on the change counter, so two reports of the
 * same change queue its alerts once.
 */
@Component
class Conditions {

	private static final Logger log = LoggerFactory.getLogger(Conditions.class);

	private final MongoTemplate mongo;

	private final SystemAlerting alerting;

	private final CameraStatus status;

	private final Clock clock = Clock.systemUTC();

	Conditions(MongoTemplate mongo, SystemAlerting alerting, CameraStatus status) {
		this.mongo = mongo;
		this.alerting = alerting;
		this.status = status;
	}

	/**
	 * @param condition the condition
	 * @param subject what it is about
	 * @param failing whether it is bad now
	 * @param summary one line for people
	 * @param detail what was measured
	 * @return whether this report changed the state (and alerted)
	 */
	boolean report(String condition, String subject, boolean failing, String summary, String detail) {
		String id = Condition.id(condition, subject);
		Condition known = this.mongo.findById(id, Condition.class);
		if (known != null && known.failing() == failing) {
			return false;
		}
		if (known == null && !failing) {
			this.mongo.insert(new Condition(id, condition, subject, false, this.clock.instant(), detail, 0));
			return false;
		}
		Instant now = this.clock.instant();
		long change = (known != null) ? known.changes() + 1 : 1;
		Condition next = new Condition(id, condition, subject, failing, now, detail, change);
		if (known == null) {
			try {
				this.mongo.insert(next);
			}
			catch (org.springframework.dao.DuplicateKeyException ex) {
				return false;
			}
		}
		else if (this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("changes").is(known.changes())),
				new org.springframework.data.mongodb.core.query.Update().set("failing", failing)
					.set("since", now)
					.set("detail", detail)
					.set("changes", change),
				Condition.class)
			.getModifiedCount() == 0) {
			return false;
		}
		log.info("System condition {} {}: {}", id, failing ? "failing" : "recovered", detail);
		this.alerting.queue(new SystemNotice(condition, subject, failing, summary, detail, now), change);
		if (SystemConditions.CAMERA_SILENT.equals(condition)) {
			this.status.queue(subject, failing ? CameraStatus.SILENT : CameraStatus.ONLINE, change, now);
		}
		return true;
	}

	/** Forgets a subject's condition (a deleted camera). */
	void forget(String condition, String subject) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(Condition.id(condition, subject))), Condition.class);
	}

	boolean failing(String condition, String subject) {
		Condition known = this.mongo.findById(Condition.id(condition, subject), Condition.class);
		return known != null && known.failing();
	}

}
