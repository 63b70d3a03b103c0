package dev.vigil.devstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server running as a child process whose output goes to a log file.
 */
final class ChildProcess {

	/** Children still running; a JVM shutdown hook stops them, so none outlives us. */
	private static final java.util.Set<ChildProcess> live = java.util.concurrent.ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(ChildProcess::stopAllLive, "devstack-children-shutdown"));
	}

	private final String component;

	private final Process process;

	private final Path logFile;

	private ChildProcess(String component, Process process, Path logFile) {
		this.component = component;
		this.process = process;
		this.logFile = logFile;
	}

	static ChildProcess start(String component, List<String> command, Path workDir, Path logFile) {
		try {
			Files.createDirectories(logFile.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
			ChildProcess child = new ChildProcess(component, builder.start(), logFile);
			live.add(child);
			return child;
		}
		catch (IOException ex) {
			throw new DevstackException(
					"Cannot start " + component + " (" + String.join(" ", command) + "): " + ex.getMessage(), ex);
		}
	}

	/** The Java launcher of this JVM, so children run on the same JDK. */
	static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	Path logFile() {
		return this.logFile;
	}

	/**
	 * Asks the process to stop (SIGTERM, so servers flush and shut down cleanly), and
	 * kills it and its descendants when it does not within the grace period.
	 * @param grace how long to wait for a clean exit
	 */
	void stop(Duration grace) {
		live.remove(this);
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.descendants().forEach(ProcessHandle::destroyForcibly);
				this.process.destroyForcibly();
				this.process.waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	private static void stopAllLive() {
		live.forEach((child) -> child.process.destroy());
		live.forEach((child) -> child.stop(Duration.ofSeconds(20)));
	}

	/**
	 * Fails with a message naming the component and its log when the process has exited.
	 */
	void checkAlive() {
		if (!this.process.isAlive()) {
			throw new DevstackException(this.component + " exited with status " + this.process.exitValue()
					+ " while starting; see " + this.logFile + tail());
		}
	}

	String tail() {
		try {
			List<String> lines = Files.readAllLines(this.logFile);
			List<String> last = lines.subList(Math.max(0, lines.size() - 15), lines.size());
			return last.isEmpty() ? "" : "\n  last log lines:\n    " + String.join("\n    ", last);
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

}
