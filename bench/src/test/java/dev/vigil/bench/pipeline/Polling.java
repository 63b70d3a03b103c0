package dev.vigil.bench.pipeline;

import java.time.Duration;
import java.util.function.Predicate;

/** Waits for a running platform to get somewhere, within a generous bound. */
final class Polling {

	private Polling() {
	}

	/**
	 * Polls until the condition holds, within 120 s (no speed is asserted).
	 * @param probe what to read
	 * @param done when it is there
	 * @return the value that satisfied the condition
	 */
	static <T> T until(Probe<T> probe, Predicate<T> done) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		T value = probe.get();
		while (!done.test(value)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Still not there after 120 s: " + value);
			}
			Thread.sleep(500);
			value = probe.get();
		}
		return value;
	}

	@FunctionalInterface
	interface Probe<T> {

		T get() throws Exception;

	}

}
