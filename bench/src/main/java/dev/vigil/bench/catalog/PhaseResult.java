package dev.vigil.bench.catalog;

import java.util.Arrays;
import java.util.Locale;

import dev.vigil.bench.report.Percentiles;

/**
 * What one load phase measured. Latency is counted from the moment a request was due (not
 * from when it was sent), over the successful (2xx) responses.
 *
 * @param offered requests the schedule offered
 * @param ok 2xx responses
 * @param errors other statuses and transport failures
 * @param timeouts requests that got no answer within the request timeout
 * @param dropped requests not sent because the in-flight bound was reached
 * @param elapsedSeconds from the start to the last answer (at least the phase length)
 * @param okLatenciesNanos latencies of the 2xx responses, sorted
 */
public record PhaseResult(int offered, int ok, int errors, int timeouts, int dropped, double elapsedSeconds,
		long[] okLatenciesNanos) {

	/**
	 * Builds a result, sorting the latencies.
	 * @param offered offered
	 * @param errors errors
	 * @param timeouts timeouts
	 * @param dropped dropped
	 * @param elapsedSeconds elapsed
	 * @param okLatenciesNanos latencies of 2xx answers, any order
	 * @return the result
	 */
	public static PhaseResult of(int offered, int errors, int timeouts, int dropped, double elapsedSeconds,
			long[] okLatenciesNanos) {
		long[] sorted = okLatenciesNanos.clone();
		Arrays.sort(sorted);
		return new PhaseResult(offered, sorted.length, errors, timeouts, dropped, elapsedSeconds, sorted);
	}

	/**
	 * Successful answers per second.
	 * @return 2xx responses / elapsed seconds
	 */
	public double achievedPerSecond() {
		return (this.elapsedSeconds > 0) ? this.ok / this.elapsedSeconds : 0;
	}

	/**
	 * Nearest-rank percentile of the 2xx latencies.
	 * @param percent e.g. 99
	 * @return milliseconds, or NaN when nothing succeeded
	 */
	public double percentileMillis(double percent) {
		if (this.okLatenciesNanos.length == 0) {
			return Double.NaN;
		}
		return Percentiles.nearestRank(this.okLatenciesNanos, percent) / 1e6;
	}

	public double maxMillis() {
		return percentileMillis(100);
	}

	/**
	 * Milliseconds for a table cell.
	 * @param millis value
	 * @return e.g. {@code 3.4} / {@code 1520} / {@code –}
	 */
	public static String cell(double millis) {
		if (Double.isNaN(millis)) {
			return "–";
		}
		return (millis < 100) ? String.format(Locale.ROOT, "%.1f", millis) : String.format(Locale.ROOT, "%.0f", millis);
	}

}
