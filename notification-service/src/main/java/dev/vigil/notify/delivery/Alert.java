package dev.vigil.notify.delivery;

import org.jspecify.annotations.Nullable;

import dev.vigil.contracts.MotionEventChanged;

/**
 * What a push channel sends: an event that matched a rule, or a test.
 *
 * @param ruleId the rule, null for a test
 * @param ruleName its name, or {@code Test}
 * @param label the label that matched
 * @param score its score
 * @param event the record, null for a test
 * @param test whether it is a "send test"
 * @param timeZone the rule's time zone, for times people read (e-mail); null = UTC
 * @param system the system condition of a system rule's alert, null for events and tests
 */
public record Alert(@Nullable String ruleId, String ruleName, String label, double score,
		@Nullable MotionEventChanged event, boolean test, @Nullable String timeZone, @Nullable SystemNotice system) {

	/** A system alert. */
	public static Alert system(String ruleId, String ruleName, String timeZone, SystemNotice notice) {
		return new Alert(ruleId, ruleName, notice.condition(), 1.0, null, false, timeZone, notice);
	}

	public static final String KIND = "alert";

}
