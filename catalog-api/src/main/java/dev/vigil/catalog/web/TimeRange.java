package dev.vigil.catalog.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A half-open time filter {@code [from, to)}; either end may be open.
 *
 * @param from inclusive lower bound
 * @param to exclusive upper bound
 */
public record TimeRange(@Nullable Instant from, @Nullable Instant to) {

	public TimeRange {
		if (from != null && to != null && from.isAfter(to)) {
			throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-time-range",
					"Invalid time range", "from must not be after to");
		}
	}

}
