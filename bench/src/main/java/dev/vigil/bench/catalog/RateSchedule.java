package dev.vigil.bench.catalog;

import java.time.Duration;

/**
 * An open-loop schedule: request {@code i} is due {@code i / rate} seconds after the
 * start, whatever happened to the requests before it, so a slow server cannot slow the
 * offered load down (no coordinated omission).
 *
 * @param ratePerSecond target requests per second
 * @param length how long the phase offers load
 */
public record RateSchedule(int ratePerSecond, Duration length) {

	public RateSchedule {
		if (ratePerSecond < 1 || length.isNegative() || length.isZero()) {
			throw new IllegalArgumentException("Need a positive rate and length");
		}
	}

	/**
	 * Requests in the phase.
	 * @return rate × length, rounded down
	 */
	public int count() {
		return (int) (this.ratePerSecond * this.length.toMillis() / 1000);
	}

	/**
	 * When a request is due, exactly (no accumulated drift).
	 * @param index request index, from 0
	 * @return nanoseconds after the start
	 */
	public long dueNanos(int index) {
		return index * 1_000_000_000L / this.ratePerSecond;
	}

}
