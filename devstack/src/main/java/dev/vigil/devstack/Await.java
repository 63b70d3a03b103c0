package dev.vigil.devstack;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;

/**
 * Bounded polling until a component accepts connections.
 */
final class Await {

	private Await() {
	}

	/**
	 * Polls the probe until it answers true.
	 * @param what the component and address, used in the error
	 * @param timeout how long to wait
	 * @param child the child process to watch (fail fast when it dies), or null
	 * @param logHint where to look when it fails
	 * @param probe answers true once the component is ready; exceptions count as not
	 * ready
	 */
	static void until(String what, Duration timeout, @Nullable ChildProcess child, String logHint,
			BooleanSupplier probe) {
		long deadline = System.nanoTime() + timeout.toNanos();
		@Nullable Exception last = null;
		while (true) {
			if (child != null) {
				child.checkAlive();
			}
			try {
				if (probe.getAsBoolean()) {
					return;
				}
			}
			catch (RuntimeException ex) {
				last = ex;
			}
			if (System.nanoTime() > deadline) {
				String cause = (last != null) ? " (last error: " + last.getMessage() + ")" : "";
				throw new DevstackException(what + " did not accept connections within " + timeout.toSeconds() + " s"
						+ cause + "; see " + logHint + ((child != null) ? child.tail() : ""));
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new DevstackException("Interrupted while waiting for " + what, ex);
			}
		}
	}

}
