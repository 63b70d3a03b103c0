package dev.vigil.bench.report;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A one-line description of the machine a benchmark ran on, read from the running system.
 */
public final class Machine {

	private Machine() {
	}

	/**
	 * Describes this machine: CPU model and cores, memory, the disk holding a directory,
	 * JDK and OS.
	 * @param dataDir the directory whose disk matters (the spool)
	 * @return e.g.
	 * {@code 2 cores (AMD EPYC ...), 23.4 GiB RAM, disk /dev/vda ext4, JDK 25.0.3, Linux 6.1}
	 */
	public static String describe(Path dataDir) {
		String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
		long memoryKb = Long.parseLong(firstValue(Path.of("/proc/meminfo"), "MemTotal").replaceAll("[^0-9]", ""));
		String disk;
		try {
			FileStore store = Files.getFileStore(dataDir);
			disk = store.name() + " " + store.type();
		}
		catch (IOException ex) {
			disk = "unknown disk";
		}
		return String.format(Locale.ROOT, "%d cores (%s), %.1f GiB RAM, disk %s, JDK %s, %s %s",
				Runtime.getRuntime().availableProcessors(), cpu, memoryKb / 1024.0 / 1024.0, disk,
				System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.version"));
	}

	/**
	 * The machine's one-minute load average, which benchmark figures on a shared machine
	 * depend on.
	 * @return e.g. {@code 1.52}, or {@code unknown}
	 */
	public static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static String firstValue(Path file, String key) {
		try {
			for (String line : Files.readAllLines(file)) {
				if (line.startsWith(key)) {
					return line.substring(line.indexOf(':') + 1).trim();
				}
			}
		}
		catch (IOException ex) {
			// Described as unknown.
		}
		return "unknown";
	}

}
