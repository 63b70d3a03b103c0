package dev.vigil.bench.run;

/**
 * One benchmark or scenario suite of {@code ./vigil bench}. It measures, writes its own
 * section of {@code docs/benchmarks.md} through {@link BenchRun#report}, and throws
 * {@link BenchmarkFailure} (or any exception) when something it checks does not hold, so
 * the run exits non-zero with the reason.
 */
public interface Benchmark {

	/**
	 * The name used on the command line and as the report section id.
	 * @return e.g. {@code ingest}
	 */
	String name();

	/**
	 * Runs the benchmark.
	 * @param run sizes (quick or full), directories and the report
	 * @throws Exception when it cannot run or a check fails
	 */
	void run(BenchRun run) throws Exception;

}
