package dev.vigil.devstack;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * One devstack server: launched (without waiting), then awaited, and stoppable and
 * restartable on the same port with the same data.
 */
interface ManagedComponent {

	Component component();

	/** Starts the server without waiting for it to accept connections. */
	void launch();

	/**
	 * Waits until the server accepts connections (and is initialised).
	 * @param timeout the bound
	 */
	void awaitReady(Duration timeout);

	/** Stops the server cleanly, keeping its data. Does nothing when stopped. */
	void stop();

	boolean running();

	/**
	 * The process id of a child process.
	 * @return the pid, or empty for in-process servers
	 */
	OptionalLong pid();

	/**
	 * Where it listens and how it runs, for logs.
	 * @return for example
	 * {@code 127.0.0.1:9092 (child pid 42, log .vigil/logs/kafka.log)}
	 */
	String where();

}
