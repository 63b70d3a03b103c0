package dev.vigil.notify.rule;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The last alert of one rule for one camera.
 *
 * @param id {@code <ruleId>/<camera>}
 * @param motionEventId the event that alerted
 * @param until no other event of the camera alerts through the rule before this
 */
@Document(Cooldown.COLLECTION)
record Cooldown(@Id String id, String motionEventId, Instant until) {

	static final String COLLECTION = "rule_cooldowns";

}
