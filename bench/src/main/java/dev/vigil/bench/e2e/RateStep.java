package dev.vigil.bench.e2e;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;

/**
 * One step of the rate ramp and whether the pipeline kept up with it: the cameras
 * uploaded at the offered rate, nothing was refused, and processing kept pace, i.e. the
 * step's files did not queue: their latency to "processed" grew over the step by no more
 * than {@value #TOLERATED_GROWTH} of the step's length (at least
 * {@value #MIN_TOLERANCE_MS} ms, the catalog polling's resolution). A pipeline processing
 * 95 % of the rate falls behind by about 5 % of the step's length, so this is the
 * "processed rate ≥ 95 % of offered" criterion, read from latencies instead of counts so
 * that files in flight at the step's ends do not count as a backlog.
 *
 * @param offered nominal rate in files per second
 * @param startMs when the first upload of the step was due (epoch ms)
 * @param endMs when the last upload of the step was answered (epoch ms)
 * @param accepted uploads of this step the edge answered 226
 * @param refused uploads of this step the edge did not accept
 * @param processed files of this step shown processed
 * @param uploadRate accepted files per second over the step
 * @param processedRate files of this step shown processed per second, from the first to
 * the last of them (under overload: the pipeline's capacity)
 * @param latencyGrowthMs median latency to "processed" of the step's last tenth of files
 * minus that of its first tenth
 * @param backlogAtEnd files uploaded (in any step) but not yet shown processed when the
 * step ended
 */
record RateStep(double offered, long startMs, long endMs, int accepted, int refused, int processed, double uploadRate,
		double processedRate, long latencyGrowthMs, long backlogAtEnd) {

	/** Share of the offered rate that uploads must reach. */
	static final double KEPT_UP = 0.95;

	/** Latency growth tolerated, as a share of the step's length. */
	static final double TOLERATED_GROWTH = 0.05;

	/** Latency growth always tolerated. */
	static final long MIN_TOLERANCE_MS = 1000;

	/**
	 * Measures a finished step.
	 * @param offered nominal rate
	 * @param step index of the step in the timelines
	 * @param startMs step start
	 * @param endMs step end
	 * @param refused refused uploads of the step
	 * @param timelines every file of the run (any step)
	 * @return the step
	 */
	static RateStep measure(double offered, int step, long startMs, long endMs, int refused,
			Collection<FileTimeline> timelines) {
		double seconds = Math.max(1, endMs - startMs) / 1000.0;
		long uploadedByEnd = timelines.stream().filter((t) -> t.uploaded() && t.uploadedAt <= endMs).count();
		long processedByEnd = timelines.stream()
			.filter((t) -> t.uploaded() && t.processed() && t.processedAt <= endMs)
			.count();
		FileTimeline[] own = timelines.stream()
			.filter((t) -> t.uploaded() && t.step == step)
			.sorted(Comparator.comparingLong((FileTimeline t) -> t.uploadedAt))
			.toArray(FileTimeline[]::new);
		FileTimeline[] done = Arrays.stream(own).filter(FileTimeline::processed).toArray(FileTimeline[]::new);
		double processedRate = 0;
		long growth = 0;
		if (done.length >= 2) {
			long first = Arrays.stream(done).mapToLong((t) -> t.processedAt).min().orElseThrow();
			long last = Arrays.stream(done).mapToLong((t) -> t.processedAt).max().orElseThrow();
			processedRate = (done.length - 1) / (Math.max(1, last - first) / 1000.0);
			int tenth = Math.max(1, done.length / 10);
			growth = medianLatency(done, done.length - tenth, done.length) - medianLatency(done, 0, tenth);
		}
		return new RateStep(offered, startMs, endMs, own.length, refused, done.length, own.length / seconds,
				processedRate, growth, uploadedByEnd - processedByEnd);
	}

	private static long medianLatency(FileTimeline[] files, int from, int to) {
		long[] latencies = new long[to - from];
		for (int i = from; i < to; i++) {
			latencies[i - from] = files[i].processedAt - files[i].uploadedAt;
		}
		Arrays.sort(latencies);
		return latencies[(latencies.length - 1) / 2];
	}

	/**
	 * How much the latency may grow in this step.
	 * @return milliseconds
	 */
	long toleratedGrowthMs() {
		return Math.max(MIN_TOLERANCE_MS, Math.round(TOLERATED_GROWTH * (this.endMs - this.startMs)));
	}

	/**
	 * Whether the pipeline sustained this step.
	 * @return true when uploads reached the offered rate, none was refused, all were
	 * processed, and processing did not fall behind
	 */
	boolean sustained() {
		return this.refused == 0 && this.accepted > 0 && this.processed == this.accepted
				&& this.uploadRate >= KEPT_UP * this.offered && this.latencyGrowthMs <= toleratedGrowthMs();
	}

}
