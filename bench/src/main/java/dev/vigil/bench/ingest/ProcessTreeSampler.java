package dev.vigil.bench.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.vigil.bench.platform.ProcessSampler;

/**
 * CPU time and resident memory of a process and all its descendants, sampled from
 * {@code /proc}: vsftpd serves each session from forked processes, so its root process
 * alone would show almost nothing. For a single JVM it reads the same as
 * {@code ProcessSampler}. CPU counts the tree's own time plus that of reaped children
 * ({@code cutime}/{@code cstime}), so sessions that ended between samples are included;
 * RSS is the sum over live processes (forked pages shared with the parent are counted
 * once per process, an upper bound).
 */
final class ProcessTreeSampler implements AutoCloseable {

	private static final double CLOCK_TICKS_PER_SECOND = 100.0;

	private static final Path PROC = Path.of("/proc");

	private final long root;

	private final long ticksAtStart;

	private final List<Long> rssSamplesKb = new ArrayList<>();

	private final Thread thread;

	private volatile boolean running = true;

	private ProcessTreeSampler(long root) {
		this.root = root;
		this.ticksAtStart = treeTicks(root);
		this.thread = Thread.ofVirtual().name("tree-sampler-" + root).start(this::sample);
	}

	/**
	 * Starts sampling a process tree every 200 ms.
	 * @param pid the root process
	 * @return the sampler; close it to stop
	 */
	static ProcessTreeSampler watch(long pid) {
		return new ProcessTreeSampler(pid);
	}

	/**
	 * Resident memory of a process tree now.
	 * @param pid the root
	 * @return KiB
	 */
	static long treeRssKb(long pid) {
		long total = 0;
		for (long member : tree(pid, snapshot())) {
			total += ProcessSampler.rssKb(member);
		}
		return total;
	}

	private void sample() {
		while (this.running) {
			long rss = treeRssKb(this.root);
			synchronized (this.rssSamplesKb) {
				this.rssSamplesKb.add(rss);
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	/**
	 * CPU time (user + system, with reaped children) of the tree since sampling began.
	 * @return seconds
	 */
	double cpuSeconds() {
		return (treeTicks(this.root) - this.ticksAtStart) / CLOCK_TICKS_PER_SECOND;
	}

	long peakRssKb() {
		synchronized (this.rssSamplesKb) {
			return this.rssSamplesKb.stream().mapToLong(Long::longValue).max().orElse(treeRssKb(this.root));
		}
	}

	/**
	 * The median of the samples: the footprint under steady load.
	 * @return KiB
	 */
	long medianRssKb() {
		synchronized (this.rssSamplesKb) {
			if (this.rssSamplesKb.isEmpty()) {
				return treeRssKb(this.root);
			}
			long[] sorted = this.rssSamplesKb.stream().mapToLong(Long::longValue).sorted().toArray();
			return sorted[(sorted.length - 1) / 2];
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.thread.interrupt();
	}

	private static long treeTicks(long pid) {
		Map<Long, Stat> stats = snapshot();
		long total = 0;
		for (long member : tree(pid, stats)) {
			Stat stat = stats.get(member);
			if (stat != null) {
				total += stat.ticksWithReapedChildren();
			}
		}
		return total;
	}

	/**
	 * A process and its descendants.
	 * @param pid the root
	 * @param stats every process by pid
	 * @return the root first, then descendants breadth first
	 */
	static List<Long> tree(long pid, Map<Long, Stat> stats) {
		Map<Long, List<Long>> children = new HashMap<>();
		stats.values().forEach((s) -> children.computeIfAbsent(s.ppid(), (k) -> new ArrayList<>()).add(s.pid()));
		List<Long> members = new ArrayList<>();
		Deque<Long> queue = new ArrayDeque<>(List.of(pid));
		while (!queue.isEmpty() && members.size() < 100_000) {
			long member = queue.removeFirst();
			members.add(member);
			queue.addAll(children.getOrDefault(member, List.of()));
		}
		return members;
	}

	private static Map<Long, Stat> snapshot() {
		Map<Long, Stat> stats = new HashMap<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
			for (Path entry : entries) {
				try {
					Stat.parse(Files.readString(entry.resolve("stat"))).ifPresent((s) -> stats.put(s.pid(), s));
				}
				catch (IOException gone) {
					// The process ended while listing.
				}
			}
		}
		catch (IOException ex) {
			// No /proc: nothing to sample.
		}
		return stats;
	}

	/**
	 * The fields of {@code /proc/<pid>/stat} that matter here.
	 *
	 * @param pid process id
	 * @param ppid parent process id
	 * @param utime user ticks
	 * @param stime system ticks
	 * @param cutime user ticks of reaped children
	 * @param cstime system ticks of reaped children
	 */
	record Stat(long pid, long ppid, long utime, long stime, long cutime, long cstime) {

		/**
		 * Parses a stat line; the command name may hold spaces and parentheses.
		 * @param line the file's content
		 * @return the fields, empty if the line is not a stat line
		 */
		static Optional<Stat> parse(String line) {
			int open = line.indexOf('(');
			int close = line.lastIndexOf(')');
			if (open < 1 || close < open || close + 2 > line.length()) {
				return Optional.empty();
			}
			try {
				String[] fields = line.substring(close + 2).trim().split(" ");
				// fields[0] is the state (field 3 of proc(5)); ppid is field 4, utime 14.
				return Optional.of(new Stat(Long.parseLong(line.substring(0, open).trim()), Long.parseLong(fields[1]),
						Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
						Long.parseLong(fields[14])));
			}
			catch (RuntimeException ex) {
				return Optional.empty();
			}
		}

		long ticksWithReapedChildren() {
			return this.utime + this.stime + this.cutime + this.cstime;
		}

	}

}
