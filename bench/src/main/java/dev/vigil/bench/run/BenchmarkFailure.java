package dev.vigil.bench.run;

/**
 * A benchmark or scenario ran but what it checks did not hold (e.g. a file was lost).
 */
public class BenchmarkFailure extends Exception {

	public BenchmarkFailure(String message) {
		super(message);
	}

}
