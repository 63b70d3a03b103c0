package dev.vigil.bench.sim;

import java.time.Duration;
import java.util.List;

import dev.vigil.bench.report.Percentiles;

/**
 * What a simulation did, from the cameras' point of view.
 *
 * @param uploads every attempt
 * @param elapsed wall time of the whole burst
 */
public record SimulationResult(List<CameraSimulator.Upload> uploads, Duration elapsed) {

	public SimulationResult {
		uploads = List.copyOf(uploads);
	}

	public List<CameraSimulator.Upload> accepted() {
		return this.uploads.stream().filter(CameraSimulator.Upload::accepted).toList();
	}

	public List<CameraSimulator.Upload> refused() {
		return this.uploads.stream().filter((upload) -> !upload.accepted()).toList();
	}

	public long acceptedBytes() {
		return accepted().stream().mapToLong(CameraSimulator.Upload::bytes).sum();
	}

	public double filesPerSecond() {
		return accepted().size() / seconds();
	}

	public double megabytesPerSecond() {
		return acceptedBytes() / 1e6 / seconds();
	}

	/**
	 * Upload latency of accepted files at a percentile, nearest-rank.
	 * @param percentile 0 to 100
	 * @return the latency, zero when nothing was accepted
	 */
	public Duration latency(double percentile) {
		long[] sorted = accepted().stream().mapToLong(CameraSimulator.Upload::latencyNanos).sorted().toArray();
		if (sorted.length == 0) {
			return Duration.ZERO;
		}
		return Duration.ofNanos(Percentiles.nearestRank(sorted, percentile));
	}

	private double seconds() {
		return Math.max(this.elapsed.toNanos(), 1) / 1e9;
	}

}
