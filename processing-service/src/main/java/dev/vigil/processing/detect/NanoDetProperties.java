package dev.vigil.processing.detect;

import java.nio.file.Path;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the NanoDet CNN detector.
 *
 * @param modelDir directory with {@code nanodet.json} and {@code nanodet.bin}; unset:
 * {@code .vigil/models/nanodet} in the working directory or a parent (where
 * {@code ./vigil setup} puts it), then {@code /opt/vigil/models/nanodet} (the container
 * image)
 * @param fallbackToHog when the model or the TensorFlow runtime is unusable, run HOG
 * instead of refusing to start (logged as an error, shown in health)
 * @param threads TensorFlow intra-op threads per inference (0: the cores divided by the
 * consumer threads, at least 1, so that concurrent inferences do not oversubscribe the
 * cores)
 * @param minScore cells below this class score are dropped before NMS
 * @param maxIou NMS: same-label boxes overlapping a better one by more than this
 * intersection over union are dropped
 */
public record NanoDetProperties(@Nullable Path modelDir, @DefaultValue("false") boolean fallbackToHog,
		@DefaultValue("0") @Min(0) int threads,
		@DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax("1.0") double minScore,
		@DefaultValue("0.6") @DecimalMin("0.0") @DecimalMax("1.0") double maxIou) {

	/**
	 * These settings with {@code threads} resolved.
	 * @param cores the cores of this machine
	 * @param concurrency consumer threads, each running its own inference
	 * @return a copy whose {@code threads} is at least 1
	 */
	public NanoDetProperties resolveThreads(int cores, int concurrency) {
		int resolved = (this.threads > 0) ? this.threads : Math.max(1, cores / Math.max(1, concurrency));
		return new NanoDetProperties(this.modelDir, this.fallbackToHog, resolved, this.minScore, this.maxIou);
	}

	/**
	 * The defaults, for tests and tools.
	 * @return defaults
	 */
	public static NanoDetProperties defaults() {
		return new NanoDetProperties(null, false, 0, 0.2, 0.6);
	}

}
