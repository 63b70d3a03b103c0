package dev.vigil.bench.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples a process's resident memory and CPU time from {@code /proc} while a benchmark
 * runs: the edge's footprint is part of what Vigil promises (a Raspberry Pi with 1 GB).
 */
public final class ProcessSampler implements AutoCloseable {

	// USER_HZ: the unit of utime and stime in /proc/<pid>/stat on every Linux that Vigil
	// targets.
	private static final double CLOCK_TICKS_PER_SECOND = 100.0;

	private final long pid;

	private final AtomicLong peakRssKb = new AtomicLong();

	private final long cpuTicksAtStart;

	private final Thread sampler;

	private volatile boolean running = true;

	private ProcessSampler(long pid) {
		this.pid = pid;
		this.cpuTicksAtStart = cpuTicks(pid);
		this.sampler = Thread.ofVirtual().name("sampler-" + pid).start(this::sample);
	}

	/**
	 * Starts sampling a process every 100 ms.
	 * @param pid the process
	 * @return the sampler; close it to stop
	 */
	public static ProcessSampler watch(long pid) {
		return new ProcessSampler(pid);
	}

	/**
	 * Current resident set size.
	 * @param pid the process
	 * @return RSS in KiB, 0 if the process is gone
	 */
	public static long rssKb(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException | NumberFormatException gone) {
			// Treated as no memory.
		}
		return 0;
	}

	private static long cpuTicks(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			// Fields after the command name, which is in parentheses and may hold spaces.
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException gone) {
			return 0;
		}
	}

	private void sample() {
		while (this.running) {
			this.peakRssKb.accumulateAndGet(rssKb(this.pid), Math::max);
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	public long peakRssKb() {
		return Math.max(this.peakRssKb.get(), rssKb(this.pid));
	}

	/**
	 * CPU time (user + system) used since sampling started.
	 * @return seconds of CPU
	 */
	public double cpuSeconds() {
		return (cpuTicks(this.pid) - this.cpuTicksAtStart) / CLOCK_TICKS_PER_SECOND;
	}

	@Override
	public void close() {
		this.running = false;
		this.sampler.interrupt();
	}

}
