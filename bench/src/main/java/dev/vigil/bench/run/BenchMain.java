package dev.vigil.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import dev.vigil.bench.alerts.AlertLatencyBenchmark;
import dev.vigil.bench.fault.FaultSuite;
import dev.vigil.bench.e2e.EndToEndLatencyBenchmark;
import dev.vigil.bench.ingest.IngestThroughputBenchmark;
import dev.vigil.bench.catalog.CatalogQueryBenchmark;
import dev.vigil.bench.platform.Platform;
import dev.vigil.bench.processing.DetectionBenchmark;
import dev.vigil.bench.processing.ProcessingBenchmark;
import dev.vigil.bench.report.BenchmarkReport;

/**
 * {@code ./vigil bench [quick|full] [NAME...]}: runs benchmarks one after the other, each
 * writing its section of {@code docs/benchmarks.md}, and exits non-zero naming every
 * benchmark that failed and why.
 */
public final class BenchMain {

	private BenchMain() {
	}

	/**
	 * The benchmarks, in the order {@code quick} and {@code full} run them.
	 * @return name → benchmark
	 */
	static Map<String, Benchmark> benchmarks() {
		Map<String, Benchmark> all = new LinkedHashMap<>();
		for (Benchmark benchmark : List.<Benchmark>of(new ProcessingBenchmark(), new DetectionBenchmark(),
				new IngestThroughputBenchmark(), new EndToEndLatencyBenchmark(), new CatalogQueryBenchmark(),
				new FaultSuite(), new AlertLatencyBenchmark())) {
			all.put(benchmark.name(), benchmark);
		}
		return all;
	}

	public static void main(String[] args) throws IOException {
		Map<String, Benchmark> available = benchmarks();
		boolean quick = false;
		List<String> names = new ArrayList<>();
		Path root = Platform.repositoryRoot();
		Path report = root.resolve("docs/benchmarks.md");
		String home = System.getenv().getOrDefault("VIGIL_HOME", root.resolve(".vigil").toString());
		Path media = Path.of(home, "media");
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "quick" -> quick = true;
				case "full" -> quick = false;
				case "--report" -> report = Path.of(requireValue(args, ++i, "--report"));
				case "--media" -> media = Path.of(requireValue(args, ++i, "--media"));
				default -> {
					if (!available.containsKey(args[i])) {
						fail("Unknown benchmark '" + args[i] + "'; known: quick, full, "
								+ String.join(", ", available.keySet()));
					}
					names.add(args[i]);
				}
			}
		}
		if (names.isEmpty()) {
			names.addAll(available.keySet());
		}
		String size = quick ? "quick" : "full";
		Map<String, String> outcomes = new LinkedHashMap<>();
		boolean failed = false;
		for (String name : names) {
			Path work = Path.of(home, "bench", name);
			deleteRecursively(work);
			Files.createDirectories(work);
			String command = "./vigil bench " + size + " " + name;
			BenchRun run = new BenchRun(quick, root, work, media, new BenchmarkReport(report), command);
			long started = System.nanoTime();
			System.out.printf(Locale.ROOT, "%n== %s (%s) ==%n", name, size);
			String outcome;
			try {
				available.get(name).run(run);
				outcome = "ok";
			}
			catch (Exception ex) {
				failed = true;
				outcome = "FAILED: " + ex;
				ex.printStackTrace(System.out);
			}
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			outcomes.put(name,
					String.format(Locale.ROOT, "%s in %d s (work and logs: %s)", outcome, took.toSeconds(), work));
			System.out.printf(Locale.ROOT, "== %s: %s%n", name, outcomes.get(name));
		}
		System.out.printf(Locale.ROOT, "%nBenchmarks (%s), report %s:%n", size, report);
		outcomes.forEach((name, outcome) -> System.out.printf(Locale.ROOT, "  %-12s %s%n", name, outcome));
		System.exit(failed ? 1 : 0);
	}

	private static String requireValue(String[] args, int index, String option) {
		if (index >= args.length) {
			fail(option + " needs a value");
		}
		return args[index];
	}

	private static void fail(String message) {
		System.err.println("vigil bench: " + message);
		System.exit(2);
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> tree = Files.walk(dir)) {
			for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
