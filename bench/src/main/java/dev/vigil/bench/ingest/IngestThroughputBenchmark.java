package dev.vigil.bench.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.vigil.bench.baseline.PhysicalReference;
import dev.vigil.bench.baseline.VsftpdServer;
import dev.vigil.bench.platform.Platform;
import dev.vigil.bench.platform.SpoolJournal;
import dev.vigil.bench.platform.Platform.Service;
import dev.vigil.bench.plot.LinePlot;
import dev.vigil.bench.report.BenchmarkReport;
import dev.vigil.bench.report.Machine;
import dev.vigil.bench.run.BenchRun;
import dev.vigil.bench.run.Benchmark;
import dev.vigil.bench.run.BenchmarkFailure;
import dev.vigil.bench.sim.CameraSimulator;
import dev.vigil.bench.sim.CameraSimulator.Camera;
import dev.vigil.bench.sim.CameraSimulator.Options;
import dev.vigil.bench.sim.FileNaming;
import dev.vigil.bench.sim.SimulationResult;
import dev.vigil.devstack.Infrastructure;
import dev.vigil.devstack.PrivateInfrastructure;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import org.jspecify.annotations.Nullable;

/**
 * {@code ./vigil bench ingest}: N cameras each upload a burst of K real, unique files
 * (mostly JPEG snapshots, some clips) at once, in the same run, to Debian's vsftpd
 * writing to disk, to the edge with publishing off (spool only: durable before
 * {@code 226}), and to the edge spooling and publishing to S3 and Kafka live. Reports
 * throughput, latency from the camera's view, refusals, CPU and memory, next to the
 * machine's physical limits, plus throughput against the number of cameras. Every
 * accepted upload must be in vsftpd's directory, the edge's spool journal, or the object
 * store.
 */
public final class IngestThroughputBenchmark implements Benchmark {

	@Override
	public String name() {
		return "ingest";
	}

	@Override
	public void run(BenchRun run) throws Exception {
		Size size = run.quick() ? new Size(14, 10, 0.05, List.of(1, 14), 64, 256, Duration.ofMinutes(2))
				: new Size(50, 30, 0.1, List.of(1, 14, 25, 50), 512, 2048, Duration.ofMinutes(3));
		List<Camera> cameras = Camera.numbered("ingest-cam", size.cameras(), "00626E5A4D");
		CameraSimulator simulator = new CameraSimulator(run.mediaPool());
		Burster burster = new Burster(simulator, size);
		List<Measured> main = new ArrayList<>();
		List<Measured> vsftpdSweep = new ArrayList<>();
		List<Measured> publishSweep = new ArrayList<>();
		double diskMBps;
		double loopbackMBps;
		long started = System.nanoTime();
		String loadAtStart = Machine.loadAverage();
		try (PrivateInfrastructure infrastructure = PrivateInfrastructure.start(run.work().resolve("infrastructure"))) {
			System.out.printf(Locale.ROOT, "ingest: devstack up after %d s; physical reference%n", elapsed(started));
			sync();
			diskMBps = PhysicalReference.diskWriteMegabytesPerSecond(run.work(), size.diskMegabytes());
			loopbackMBps = PhysicalReference.loopbackMegabytesPerSecond(size.loopbackMegabytes());

			try (VsftpdServer vsftpd = VsftpdServer.start(Files.createDirectories(run.work().resolve("vsftpd")),
					Math.max(100, 2 * size.cameras()))) {
				Path uploads = vsftpd.root().resolve(VsftpdServer.UPLOAD_DIRECTORY);
				List<Camera> anonymous = cameras.stream()
					.map((c) -> new Camera(c.id(), "anonymous", "camera@", c.device()))
					.toList();
				Measured first = burster.burst("vsftpd (first burst)", vsftpd.pid(), null, vsftpd.port(),
						VsftpdServer.UPLOAD_DIRECTORY, anonymous, () -> {
						});
				deleteBelow(uploads);
				for (int count : size.sweep()) {
					Measured measured = burster.burst("vsftpd", vsftpd.pid(), null, vsftpd.port(),
							VsftpdServer.UPLOAD_DIRECTORY, anonymous.subList(0, count), () -> {
							})
						.after(first);
					long stored = countFiles(uploads);
					if (stored < measured.result().accepted().size()) {
						throw new BenchmarkFailure("vsftpd accepted " + measured.result().accepted().size()
								+ " uploads but " + stored + " files are in its directory");
					}
					deleteBelow(uploads);
					vsftpdSweep.add(measured);
				}
				main.add(vsftpdSweep.getLast());
			}

			System.out.printf(Locale.ROOT, "ingest: edge, spool only (%d s)%n", elapsed(started));
			try (Platform edge = edge(infrastructure, run.work().resolve("edge-spool"), cameras, false)) {
				Path journal = edge.ingestDataDir().resolve("spool/journal");
				Measured first = burster.burst("Vigil edge, spool only (first burst)",
						edge.service(Service.INGEST).pid(), edge.service(Service.INGEST).uri("/actuator/prometheus"),
						edge.ftpPort(), "", cameras, () -> {
						});
				Measured measured = burster.burst("Vigil edge, spool only", edge.service(Service.INGEST).pid(),
						edge.service(Service.INGEST).uri("/actuator/prometheus"), edge.ftpPort(), "", cameras, () -> {
						})
					.after(first);
				Set<String> spooled = journalHashes(journal);
				long missing = missing(measured.result(), spooled);
				if (missing > 0) {
					throw new BenchmarkFailure(missing + " of " + measured.result().accepted().size()
							+ " accepted uploads are not in the edge's spool journal (" + spooled.size() + " records)");
				}
				main.add(measured);
			}

			System.out.printf(Locale.ROOT, "ingest: edge, spool + publish (%d s)%n", elapsed(started));
			try (Platform edge = edge(infrastructure, run.work().resolve("edge-publish"), cameras, true)) {
				Path journal = edge.ingestDataDir().resolve("spool/journal");
				Set<String> accepted = new HashSet<>();
				Measured first = burster.burst("Vigil edge, spool + publish (first burst)",
						edge.service(Service.INGEST).pid(), edge.service(Service.INGEST).uri("/actuator/prometheus"),
						edge.ftpPort(), "", cameras, () -> awaitEmpty(journal, size.drainBound()));
				first.result().accepted().forEach((u) -> accepted.add(u.sha256()));
				for (int count : size.sweep()) {
					Measured measured = burster
						.burst("Vigil edge, spool + publish", edge.service(Service.INGEST).pid(),
								edge.service(Service.INGEST).uri("/actuator/prometheus"), edge.ftpPort(), "",
								cameras.subList(0, count), () -> awaitEmpty(journal, size.drainBound()))
						.after(first);
					measured.result().accepted().forEach((u) -> accepted.add(u.sha256()));
					publishSweep.add(measured);
				}
				Set<String> stored = objectHashes(infrastructure);
				long missing = accepted.stream().filter((sha) -> !stored.contains(sha)).count();
				if (missing > 0) {
					throw new BenchmarkFailure(missing + " of " + accepted.size()
							+ " accepted uploads are not in the object store (" + stored.size() + " objects)");
				}
				main.add(publishSweep.getLast());
			}
		}
		report(run, size, main, vsftpdSweep, publishSweep, diskMBps, loopbackMBps, elapsed(started),
				"load average (1 min) " + loadAtStart + " at the start, " + Machine.loadAverage() + " at the end");
	}

	private static Platform edge(Infrastructure infrastructure, Path work, List<Camera> cameras, boolean publish)
			throws IOException {
		return Platform.on(infrastructure, work)
			.services(Service.INGEST)
			.cameras(cameras)
			// The edge's own JVM options, as ./vigil up starts it.
			.jvmOptions(Service.INGEST, "@" + Platform.repositoryRoot().resolve("ingest-service/jvm.options"))
			.property(Service.INGEST, "vigil.ingest.publish.enabled", Boolean.toString(publish))
			// One passive port per camera session and then some, like vsftpd's range.
			.property(Service.INGEST, "vigil.ingest.ftp.passive-ports", passiveRange(2 * cameras.size()))
			// Every simulated camera dials from 127.0.0.1 at the same moment: the cap on
			// connections not logged in yet (per source 8, in all 32) would turn most
			// away.
			.property(Service.INGEST, "vigil.ingest.ftp.max-pre-login-per-source", Integer.toString(cameras.size()))
			.property(Service.INGEST, "vigil.ingest.ftp.max-pre-login", Integer.toString(Math.max(32, cameras.size())))
			// On a shared build machine a start has taken more than the default 4
			// minutes.
			.startTimeout(Duration.ofMinutes(8))
			.start();
	}

	private static String passiveRange(int count) throws IOException {
		for (int from = 43000; from < 60000; from += count) {
			boolean free = true;
			for (int port = from; port < from + count && free; port++) {
				try (java.net.ServerSocket socket = new java.net.ServerSocket(port, 1,
						java.net.InetAddress.getLoopbackAddress())) {
					// free
				}
				catch (IOException taken) {
					free = false;
				}
			}
			if (free) {
				return from + "-" + (from + count - 1);
			}
		}
		throw new IOException("No " + count + " consecutive free ports for passive mode");
	}

	private static void report(BenchRun run, Size size, List<Measured> main, List<Measured> vsftpdSweep,
			List<Measured> publishSweep, double diskMBps, double loopbackMBps, long seconds, String load)
			throws IOException {
		Measured vsftpd = main.getFirst();
		StringBuilder body = new StringBuilder();
		SimulationResult first = vsftpd.result();
		long clips = first.uploads().stream().filter((u) -> u.path().endsWith(".avi")).count();
		body.append(String.format(Locale.ROOT,
				"%d cameras upload a burst of %d files each at once (one FTP session per camera, passive mode, "
						+ "Foscam paths), %d files and %.0f MB per target: unique copies of real JPEG snapshots "
						+ "(100–400 KB) and, with a share of %.0f %%, AVI clips (1–8 MB; %d in this burst). Same "
						+ "burst, same run, three targets: Debian's vsftpd writing to disk (no fsync, its default), "
						+ "Vigil's edge (`ingest-service/jvm.options`: `-Xmx128m`, Serial GC) with `vigil.ingest.publish.enabled=false` (spool only, every file "
						+ "fsync'd and journaled before `226`), and the edge spooling and publishing live to S3 and "
						+ "Kafka (private devstack on the same machine). Latency is from the start of `STOR` to the "
						+ "server's final reply, as the camera sees it. CPU and RSS are the server's process tree "
						+ "(vsftpd forks per session; its RSS sums the forks) during the burst, for the publishing "
						+ "edge until its spool is drained; steady RSS is the median of 200 ms samples. Each target first "
						+ "takes one burst of the same shape right after it started (new content, every camera's "
						+ "first login: the edge's JIT warm-up and one PBKDF2 per camera account, remembered "
						+ "afterwards); the table is the next burst, a running edge's steady state, with the first "
						+ "burst's CPU ms/file next to it. RSS idle is before the first burst, RSS peak the highest "
						+ "over all bursts of that target. CPU ms/file "
						+ "is the process tree's CPU over the files of the burst; fsyncs/file is the edge's own count "
						+ "(`vigil_ingest_spool_fsyncs_total`, content + directory + journal, uploads and "
						+ "publications) over the accepted files; vsftpd does none.%n%n",
				size.cameras(), size.files(), first.uploads().size(), first.acceptedBytes() / 1e6,
				size.clipShare() * 100, clips));
		List<List<String>> rows = new ArrayList<>();
		for (Measured m : main) {
			SimulationResult r = m.result();
			rows.add(List.of(m.target(), fmt(r.filesPerSecond()), fmt(r.megabytesPerSecond()), millis(r.latency(50)),
					millis(r.latency(99)), Integer.toString(r.refused().size()),
					Integer.toString(m.firstBurstRefused()), String.format(Locale.ROOT, "%.2f", m.cpuSeconds()),
					String.format(Locale.ROOT, "%.2f", m.cpuMillisPerFile()),
					String.format(Locale.ROOT, "%.2f", m.firstBurstCpuMillisPerFile()),
					String.format(Locale.ROOT, "%.2f", m.fsyncsPerFile()), mb(m.idleRssKb()), mb(m.peakRssKb()),
					mb(m.steadyRssKb()),
					(m == vsftpd) ? "1.00"
							: String.format(Locale.ROOT, "%.2f", r.filesPerSecond() / vsftpd.result().filesPerSecond()),
					(m.drained() == null) ? "–" : m.drained().toMillis() / 1000 + " s"));
		}
		body.append(BenchmarkReport.table(List.of("target", "files/s", "MB/s", "latency p50", "latency p99", "refused",
				"refused, first burst", "CPU s", "CPU ms/file", "CPU ms/file, first burst", "fsyncs/file", "RSS idle",
				"RSS peak", "RSS steady", "files/s vs vsftpd", "all in S3 + Kafka after"), rows));
		body.append(String.format(Locale.ROOT,
				"%nPhysical reference, same run: sequential disk write with fsync **%.0f MB/s** (%d MB), one "
						+ "loopback TCP connection **%.0f MB/s** (%d MB).%n%n",
				diskMBps, size.diskMegabytes(), loopbackMBps, size.loopbackMegabytes()));
		body.append("### Throughput vs cameras\n\n");
		List<List<String>> sweepRows = new ArrayList<>();
		for (int i = 0; i < size.sweep().size(); i++) {
			SimulationResult v = vsftpdSweep.get(i).result();
			SimulationResult e = publishSweep.get(i).result();
			Measured vm = vsftpdSweep.get(i);
			Measured em = publishSweep.get(i);
			sweepRows.add(List.of(Integer.toString(size.sweep().get(i)), Integer.toString(v.uploads().size()),
					fmt(v.filesPerSecond()), fmt(v.megabytesPerSecond()),
					String.format(Locale.ROOT, "%.2f", vm.cpuMillisPerFile()), fmt(e.filesPerSecond()),
					fmt(e.megabytesPerSecond()), millis(e.latency(99)),
					String.format(Locale.ROOT, "%.2f", em.cpuMillisPerFile()),
					String.format(Locale.ROOT, "%.2f", em.fsyncsPerFile()), mb(em.peakRssKb()),
					Integer.toString(v.refused().size() + e.refused().size())));
		}
		body.append(BenchmarkReport.table(List.of("cameras", "files", "vsftpd files/s", "vsftpd MB/s",
				"vsftpd CPU ms/file", "edge (spool + publish) files/s", "edge MB/s", "edge latency p99",
				"edge CPU ms/file", "edge fsyncs/file", "edge RSS peak", "refused (both)"), sweepRows));
		body.append(String.format(Locale.ROOT,
				"%n![ingest throughput vs cameras](benchmarks/ingest-throughput.svg)%n%nEvery accepted upload was "
						+ "found in vsftpd's directory, the edge's spool journal, or the object store. Whole run: %d s; "
						+ "%s (%d cores shared with whatever else runs on the machine).%n",
				seconds, load, Runtime.getRuntime().availableProcessors()));
		run.write("ingest", "Ingest throughput: edge vs vsftpd", body.toString());

		new LinePlot("Ingest throughput vs cameras (" + size.files() + " files per camera)",
				"cameras uploading at once", "files/s accepted", false,
				List.of(new LinePlot.Series("vsftpd", points(size, vsftpdSweep)),
						new LinePlot.Series("Vigil edge, spool + publish", points(size, publishSweep))))
			.write(run.asset("benchmarks/ingest-throughput.svg"));
	}

	private static List<LinePlot.Point> points(Size size, List<Measured> sweep) {
		List<LinePlot.Point> points = new ArrayList<>();
		for (int i = 0; i < sweep.size(); i++) {
			points.add(new LinePlot.Point(size.sweep().get(i), sweep.get(i).result().filesPerSecond()));
		}
		return points;
	}

	private static long missing(SimulationResult result, Set<String> present) {
		return result.accepted().stream().filter((u) -> !present.contains(u.sha256())).count();
	}

	private static Set<String> journalHashes(Path journal) throws IOException {
		return SpoolJournal.pendingHashes(journal.getParent());
	}

	private static Set<String> objectHashes(Infrastructure infrastructure) throws Exception {
		MinioClient client = MinioClient.builder()
			.endpoint(infrastructure.s3Endpoint())
			.region(infrastructure.s3Region())
			.credentials(infrastructure.s3AccessKey(), infrastructure.s3SecretKey())
			.build();
		Set<String> hashes = new HashSet<>();
		for (Result<Item> item : client.listObjects(ListObjectsArgs.builder()
			.bucket(infrastructure.s3Bucket())
			.prefix("originals/")
			.recursive(true)
			.build())) {
			String name = item.get().objectName();
			String file = name.substring(name.lastIndexOf('/') + 1);
			hashes.add(file.contains(".") ? file.substring(0, file.indexOf('.')) : file);
		}
		return hashes;
	}

	private static void awaitEmpty(Path journal, Duration bound) {
		long deadline = System.nanoTime() + bound.toNanos();
		try {
			while (System.nanoTime() < deadline) {
				if (SpoolJournal.pendingCount(journal.getParent()) == 0) {
					return;
				}
				Thread.sleep(100);
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		throw new IllegalStateException("The edge's spool was not drained within " + bound);
	}

	private static long countFiles(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).count();
		}
	}

	private static void deleteBelow(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
				if (!path.equals(dir)) {
					Files.delete(path);
				}
			}
		}
	}

	/** Flushes dirty pages so that one target's unsynced writes do not slow the next. */
	static void sync() throws IOException, InterruptedException {
		Process sync = new ProcessBuilder("sync").inheritIO().start();
		if (!sync.waitFor(120, TimeUnit.SECONDS)) {
			sync.destroyForcibly();
			throw new IOException("sync did not finish within 2 minutes");
		}
	}

	private static long elapsed(long started) {
		return Duration.ofNanos(System.nanoTime() - started).toSeconds();
	}

	private static String fmt(double value) {
		return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
	}

	private static String millis(Duration duration) {
		return String.format(Locale.ROOT, "%.0f ms", duration.toNanos() / 1e6);
	}

	private static String mb(long kb) {
		return String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
	}

	/**
	 * Runs bursts against a target and measures its process tree meanwhile.
	 */
	private static final class Burster {

		private final CameraSimulator simulator;

		private final Size size;

		private int bursts;

		Burster(CameraSimulator simulator, Size size) {
			this.simulator = simulator;
			this.size = size;
		}

		Measured burst(String target, long pid, @Nullable URI metrics, int port, String remoteRoot,
				List<Camera> cameras, Runnable after) throws IOException, InterruptedException {
			int index = this.bursts++;
			sync();
			long idle = ProcessTreeSampler.treeRssKb(pid);
			// A new seed and camera day per burst: new content, new names.
			Options options = new Options("127.0.0.1", port, remoteRoot, cameras, this.size.files(),
					this.size.clipShare(), CameraSimulator.Transfer.PASSIVE, CameraSimulator.UploadStyle.STOR,
					FileNaming.FOSCAM, false, true, 100 + index, LocalDateTime.of(2026, 11, 1, 8, 0).plusDays(index),
					Duration.ofMinutes(4));
			System.out.printf(Locale.ROOT, "ingest: %s, %d cameras x %d files%n", target, cameras.size(),
					this.size.files());
			double fsyncsBefore = EdgeMetrics.fsyncs(metrics);
			SimulationResult result;
			Duration drained;
			double cpuSeconds;
			long peakRssKb;
			long medianRssKb;
			try (ProcessTreeSampler sampler = ProcessTreeSampler.watch(pid)) {
				long started = System.nanoTime();
				result = this.simulator.run(options);
				after.run();
				drained = Duration.ofNanos(System.nanoTime() - started);
				cpuSeconds = sampler.cpuSeconds();
				peakRssKb = sampler.peakRssKb();
				medianRssKb = sampler.medianRssKb();
			}
			// Read after the sampler stopped: the scrape's own CPU is not the burst's.
			double fsyncs = EdgeMetrics.fsyncs(metrics) - fsyncsBefore;
			boolean waited = drained.minus(result.elapsed()).toMillis() > 1;
			System.out.printf(Locale.ROOT, "ingest:   %d accepted, %d refused, %.1f files/s, %.1f MB/s%n",
					result.accepted().size(), result.refused().size(), result.filesPerSecond(),
					result.megabytesPerSecond());
			if (!result.refused().isEmpty()) {
				System.out.printf(Locale.ROOT, "ingest:   first refusal: %s%n", result.refused().getFirst().reply());
			}
			return new Measured(target, result, cpuSeconds, idle, peakRssKb, medianRssKb, waited ? drained : null,
					(metrics != null) ? fsyncs / Math.max(1, result.accepted().size()) : 0, 0, 0);
		}

	}

	/**
	 * One burst against one target.
	 *
	 * @param target what was measured
	 * @param result the cameras' view
	 * @param cpuSeconds CPU of the server's process tree during the burst (and drain)
	 * @param idleRssKb RSS before the burst
	 * @param peakRssKb RSS peak
	 * @param steadyRssKb median RSS while sampled
	 * @param drained time from the burst's start until the spool was empty, when waited
	 * for
	 * @param fsyncsPerFile the edge's spool fsyncs (content, directory, journal) per
	 * accepted file, from its {@code vigil_ingest_spool_fsyncs_total}; 0 for vsftpd (no
	 * fsync)
	 * @param firstBurstCpuMillisPerFile CPU per file of the target's first burst after
	 * its start (0 when this is that burst)
	 * @param firstBurstRefused uploads refused in that first burst
	 */
	private record Measured(String target, SimulationResult result, double cpuSeconds, long idleRssKb, long peakRssKb,
			long steadyRssKb, @Nullable Duration drained, double fsyncsPerFile, double firstBurstCpuMillisPerFile,
			int firstBurstRefused) {

		double cpuMillisPerFile() {
			return this.cpuSeconds * 1000 / Math.max(1, this.result.uploads().size());
		}

		/**
		 * This burst, taken after {@code first}: idle RSS and peak across both, first's
		 * CPU.
		 */
		Measured after(Measured first) {
			return new Measured(this.target, this.result, this.cpuSeconds, first.idleRssKb(),
					Math.max(first.peakRssKb(), this.peakRssKb), this.steadyRssKb, this.drained, this.fsyncsPerFile,
					first.cpuMillisPerFile(), first.result().refused().size());
		}

	}

	/**
	 * How big a run is.
	 *
	 * @param cameras cameras in the main burst
	 * @param files files per camera
	 * @param clipShare share of clips
	 * @param sweep camera counts for throughput vs cameras (the last is the main burst)
	 * @param diskMegabytes size of the disk reference write
	 * @param loopbackMegabytes size of the loopback reference transfer
	 * @param drainBound how long the publishing edge may take to empty its spool
	 */
	private record Size(int cameras, int files, double clipShare, List<Integer> sweep, int diskMegabytes,
			int loopbackMegabytes, Duration drainBound) {

	}

}
