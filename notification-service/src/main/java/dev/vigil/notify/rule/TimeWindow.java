package dev.vigil.notify.rule;

import java.time.LocalTime;

/**
 * A daily span of wall-clock time, {@code "HH:mm"}; {@code to} before {@code from} spans
 * midnight ({@code 22:00}–{@code 06:00}); {@code to} {@code 24:00} means the end of the
 * day.
 *
 * @param from start, inclusive
 * @param to end, exclusive
 */
public record TimeWindow(String from, String to) {

	static final String END_OF_DAY = "24:00";

	boolean contains(LocalTime time) {
		return containsBeforeMidnight(time) || containsAfterMidnight(time);
	}

	/** Whether the part after midnight of a window spanning midnight contains it. */
	boolean containsAfterMidnight(LocalTime time) {
		if (END_OF_DAY.equals(this.to)) {
			return false;
		}
		LocalTime start = LocalTime.parse(this.from);
		LocalTime end = LocalTime.parse(this.to);
		return end.isBefore(start) && time.isBefore(end);
	}

	boolean containsBeforeMidnight(LocalTime time) {
		LocalTime start = LocalTime.parse(this.from);
		if (END_OF_DAY.equals(this.to)) {
			return !time.isBefore(start);
		}
		LocalTime end = LocalTime.parse(this.to);
		if (start.isBefore(end)) {
			return !time.isBefore(start) && time.isBefore(end);
		}
		return !time.isBefore(start);
	}

}
