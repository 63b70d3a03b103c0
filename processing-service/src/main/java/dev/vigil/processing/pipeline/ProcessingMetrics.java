package dev.vigil.processing.pipeline;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The service's meters, all under {@code vigil.processing.*}.
 */
class ProcessingMetrics {

	private final MeterRegistry registry;

	ProcessingMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/** One media item finished, by outcome (ok, corrupt, unsupported, duplicate). */
	void processed(String kind, String outcome) {
		Counter.builder("vigil.processing.media")
			.description("Media items processed, by outcome")
			.tag("kind", kind)
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

	/** An attempt failed with an exception (it is retried or dead-lettered). */
	void failed(String kind, Throwable ex) {
		Counter.builder("vigil.processing.failures")
			.description("Processing attempts that failed with an exception")
			.tag("kind", kind)
			.tag("exception", ex.getClass().getSimpleName())
			.register(this.registry)
			.increment();
	}

	/**
	 * An event went to the dead-letter topic.
	 * @param reason the exception that sent it there (the cause that matters, not a
	 * wrapper)
	 */
	void deadLettered(Throwable reason) {
		Counter.builder("vigil.processing.dlq")
			.description("Events sent to the dead-letter topic")
			.tag("exception", reason.getClass().getSimpleName())
			.register(this.registry)
			.increment();
	}

	void detectorFailed(String detector) {
		Counter.builder("vigil.processing.detector.failures")
			.description("Detector calls that failed; the item is processed without detections")
			.tag("detector", detector)
			.register(this.registry)
			.increment();
	}

	<T> T step(String step, Supplier<T> work) {
		long start = System.nanoTime();
		try {
			return work.get();
		}
		finally {
			Timer.builder("vigil.processing.step")
				.description("Time spent per processing step")
				.tag("step", step)
				.register(this.registry)
				.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}
	}

	void detectorLatency(String detector, long nanos) {
		Timer.builder("vigil.processing.detector.latency")
			.description("Detector latency per image or sampled frame")
			.tag("detector", detector)
			.publishPercentileHistogram()
			.register(this.registry)
			.record(nanos, TimeUnit.NANOSECONDS);
	}

	static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

}
