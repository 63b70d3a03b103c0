package dev.vigil.notify.rule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A rule as the API shows it.
 *
 * @param id id
 * @param name name
 * @param enabled whether it is evaluated
 * @param cameras camera ids, empty = all
 * @param labels labels
 * @param minConfidence minimum score
 * @param timeZone zone of schedule and quiet hours
 * @param schedule armed windows per weekday, null = always
 * @param quietHours daily windows without alerts
 * @param cooldownSeconds cooldown per camera
 * @param channels channel ids
 * @param createdAt created
 * @param kind {@code EVENT} or {@code SYSTEM}
 * @param conditions a system rule's conditions, empty = all
 */
record RuleView(String id, String name, boolean enabled, List<String> cameras, List<String> labels,
		double minConfidence, String timeZone, @Nullable Map<DayOfWeek, List<TimeWindow>> schedule,
		List<TimeWindow> quietHours, long cooldownSeconds, List<String> channels, Instant createdAt, RuleKind kind,
		List<String> conditions) {

	static RuleView of(Rule rule) {
		return new RuleView(rule.id(), rule.name(), rule.enabled(), rule.cameras(), rule.labels(), rule.minConfidence(),
				rule.timeZone(), rule.schedule(), rule.quietHours(), rule.cooldownSeconds(), rule.channels(),
				rule.createdAt(), (rule.kind() != null) ? rule.kind() : RuleKind.EVENT,
				(rule.conditions() != null) ? rule.conditions() : List.of());
	}

}
