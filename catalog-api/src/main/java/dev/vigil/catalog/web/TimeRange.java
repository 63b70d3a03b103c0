package dev.vigil.catalog.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A half-open time filter {@code [from, to)}; either end may be open. Both ends must lie
 * in years 0000 to 9999: an {@code Instant} parses far beyond what MongoDB's dates (epoch
 * milliseconds in a long) can hold, and such a value would fail deep in the query as a
 * 500 instead of a clear 400.
 *
 * @param from inclusive lower bound
 * @param to exclusive upper bound
 */
public record TimeRange(@Nullable Instant from, @Nullable Instant to) {

	/** The earliest time a filter may name. */
	public static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");

	/** The latest time a filter may name. */
	public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

	public TimeRange {
		requireRepresentable("from", from);
		requireRepresentable("to", to);
		if (from != null && to != null && from.isAfter(to)) {
			throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-time-range",
					"Invalid time range", "from must not be after to");
		}
	}

	private static void requireRepresentable(String name, @Nullable Instant time) {
		if (time != null && (time.isBefore(EARLIEST) || time.isAfter(LATEST))) {
			throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-time-range",
					"Invalid time range", name + " must lie between " + EARLIEST + " and " + LATEST);
		}
	}

}
