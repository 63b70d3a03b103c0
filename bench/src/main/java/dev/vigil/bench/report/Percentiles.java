package dev.vigil.bench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import dev.vigil.bench.plot.LinePlot;

/**
 * Nearest-rank percentiles of a set of durations in milliseconds, and their empirical
 * distribution for plotting.
 */
public final class Percentiles {

	private final long[] sorted;

	private Percentiles(long[] sorted) {
		this.sorted = sorted;
	}

	/**
	 * Sorts the values.
	 * @param millis durations in milliseconds
	 * @return the percentiles
	 */
	public static Percentiles of(Collection<Long> millis) {
		long[] values = millis.stream().mapToLong(Long::longValue).toArray();
		Arrays.sort(values);
		return new Percentiles(values);
	}

	public int count() {
		return this.sorted.length;
	}

	/**
	 * The nearest-rank percentile: the smallest value with at least {@code percentile}
	 * percent of the values at or below it.
	 * @param percentile above 0, at most 100
	 * @return the value in milliseconds
	 * @throws IllegalStateException when there are no values
	 */
	public long at(double percentile) {
		if (percentile <= 0 || percentile > 100) {
			throw new IllegalArgumentException("percentile must be in (0, 100]");
		}
		if (this.sorted.length == 0) {
			throw new IllegalStateException("No values");
		}
		return nearestRank(this.sorted, percentile);
	}

	/**
	 * The nearest-rank percentile of values sorted ascending, the one definition every
	 * benchmark reports.
	 * @param sorted at least one value, ascending
	 * @param percentile 0 to 100
	 * @return the value
	 */
	public static long nearestRank(long[] sorted, double percentile) {
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
		return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
	}

	public long max() {
		return at(100);
	}

	/**
	 * Table cells: count, p50, p95, p99 and max in seconds, or dashes when empty.
	 * @return five cells
	 */
	public List<String> cells() {
		if (this.sorted.length == 0) {
			return List.of("0", "–", "–", "–", "–");
		}
		return List.of(Integer.toString(count()), seconds(at(50)), seconds(at(95)), seconds(at(99)), seconds(max()));
	}

	/**
	 * The empirical cumulative distribution as plot points (x seconds, y share of files
	 * at or below x), at most {@code maxPoints} of them, always including the largest
	 * value; values below 1 ms are drawn at 1 ms so that a logarithmic axis can show
	 * them.
	 * @param maxPoints upper bound on the points
	 * @return the points, x ascending
	 */
	public List<LinePlot.Point> cdf(int maxPoints) {
		List<LinePlot.Point> points = new ArrayList<>();
		int n = this.sorted.length;
		int step = Math.max(1, (int) Math.ceil(n / (double) Math.max(1, maxPoints - 1)));
		for (int i = 0; i < n; i += step) {
			points.add(point(i, n));
		}
		if (n > 0 && (n - 1) % step != 0) {
			points.add(point(n - 1, n));
		}
		return points;
	}

	private LinePlot.Point point(int index, int n) {
		return new LinePlot.Point(Math.max(1, this.sorted[index]) / 1000.0, (index + 1) / (double) n);
	}

	/**
	 * Milliseconds as seconds for a table.
	 * @param millis the duration
	 * @return e.g. {@code 0.042 s} or {@code 12.3 s}
	 */
	public static String seconds(long millis) {
		if (Math.abs(millis) < 10_000) {
			return String.format(Locale.ROOT, "%.3f s", millis / 1000.0);
		}
		return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
	}

}
