package dev.vigil.notify.rule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuleScheduleTests {

	// 2026-11-23 is a Monday.
	private static Instant berlin(String localDateTime) {
		return java.time.LocalDateTime.parse(localDateTime).atZone(java.time.ZoneId.of("Europe/Berlin")).toInstant();
	}

	private static Rule rule(Map<DayOfWeek, List<TimeWindow>> schedule, List<TimeWindow> quiet) {
		return new Rule("r", "night", true, List.of(), List.of("person"), 0.5, "Europe/Berlin", schedule, quiet, 0,
				List.of("c"), Instant.EPOCH, null, null);
	}

	@Test
	void aNightWindowBelongsToTheDayItStartsOnAndRunsPastMidnight() {
		Rule rule = rule(Map.of(DayOfWeek.MONDAY, List.of(new TimeWindow("22:00", "06:00"))), List.of());
		assertThat(rule.armedAt(berlin("2026-11-23T23:30:00"))).as("Monday night").isTrue();
		assertThat(rule.armedAt(berlin("2026-11-24T05:59:00"))).as("early Tuesday, still Monday's window").isTrue();
		assertThat(rule.armedAt(berlin("2026-11-24T06:00:00"))).as("the end is exclusive").isFalse();
		assertThat(rule.armedAt(berlin("2026-11-24T23:30:00"))).as("Tuesday night is not armed").isFalse();
		assertThat(rule.armedAt(berlin("2026-11-23T05:00:00"))).as("early Monday belongs to Sunday").isFalse();
	}

	@Test
	void theScheduleFollowsTheRulesTimeZoneNotUtc() {
		Rule rule = rule(Map.of(DayOfWeek.MONDAY, List.of(new TimeWindow("00:00", "01:00"))), List.of());
		assertThat(rule.armedAt(Instant.parse("2026-11-22T23:30:00Z"))).as("00:30 in Berlin on Monday").isTrue();
		assertThat(rule.armedAt(Instant.parse("2026-11-23T00:30:00Z"))).as("01:30 in Berlin").isFalse();
	}

	@Test
	void quietHoursWinOverTheSchedule() {
		Rule always = rule(null, List.of(new TimeWindow("07:00", "08:00")));
		assertThat(always.armedAt(berlin("2026-11-23T07:30:00"))).isFalse();
		assertThat(always.armedAt(berlin("2026-11-23T08:00:00"))).isTrue();
	}

	@Test
	void aWindowToMidnightCoversTheLastMinute() {
		Rule rule = rule(Map.of(DayOfWeek.MONDAY, List.of(new TimeWindow("18:00", "24:00"))), List.of());
		assertThat(rule.armedAt(berlin("2026-11-23T23:59:59"))).isTrue();
		assertThat(rule.armedAt(berlin("2026-11-24T00:00:00"))).isFalse();
	}

}
