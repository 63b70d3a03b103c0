package dev.vigil.notify.rule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Which events become alerts on which channels.
 *
 * @param id rule id
 * @param name shown in the UI and the delivery log
 * @param enabled whether it is evaluated
 * @param cameras camera ids; empty means every camera
 * @param labels labels that trigger it (any of them)
 * @param minConfidence the label's score must be at least this, 0 to 1
 * @param timeZone the zone of the schedule and the quiet hours
 * @param schedule armed windows per weekday; null means always armed. A window that spans
 * midnight belongs to the day it starts on
 * @param quietHours daily windows in which it never alerts
 * @param cooldownSeconds after an alert, further events of the same camera do not alert
 * for this long
 * @param channels channel ids it alerts on
 * @param createdAt created
 * @param kind what it reacts to; null (rules stored before system rules) is
 * {@link RuleKind#EVENT}
 * @param conditions a system rule's conditions ({@code camera-silent}, …); empty means
 * all
 */
@Document(Rule.COLLECTION)
public record Rule(@Id String id, String name, boolean enabled, List<String> cameras, List<String> labels,
		double minConfidence, String timeZone, @Nullable Map<DayOfWeek, List<TimeWindow>> schedule,
		List<TimeWindow> quietHours, long cooldownSeconds, List<String> channels, Instant createdAt,
		@Nullable RuleKind kind, @Nullable List<String> conditions) {

	static final String COLLECTION = "rules";

	boolean isSystem() {
		return this.kind == RuleKind.SYSTEM;
	}

	/** Whether a system rule alerts on this condition. */
	boolean watchesCondition(String condition) {
		return this.conditions == null || this.conditions.isEmpty() || this.conditions.contains(condition);
	}

	boolean watches(String camera) {
		return this.cameras.isEmpty() || this.cameras.contains(camera);
	}

	/** Armed at that instant: inside the schedule and outside the quiet hours. */
	boolean armedAt(Instant at) {
		ZonedDateTime local = at.atZone(ZoneId.of(this.timeZone));
		LocalTime time = local.toLocalTime();
		if (this.quietHours.stream().anyMatch((window) -> window.contains(time))) {
			return false;
		}
		if (this.schedule == null) {
			return true;
		}
		DayOfWeek today = local.getDayOfWeek();
		if (this.schedule.getOrDefault(today, List.of()).stream().anyMatch((w) -> w.containsBeforeMidnight(time))) {
			return true;
		}
		return this.schedule.getOrDefault(today.minus(1), List.of())
			.stream()
			.anyMatch((window) -> window.containsAfterMidnight(time));
	}

}
