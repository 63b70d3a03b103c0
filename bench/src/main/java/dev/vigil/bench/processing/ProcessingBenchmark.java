package dev.vigil.bench.processing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.vigil.bench.run.BenchRun;
import dev.vigil.bench.run.Benchmark;
import dev.vigil.bench.run.BenchmarkFailure;

/**
 * Runs processing-service's own measuring programs from its Boot jar, in a child JVM with
 * the service's heap: the throughput of each processing step on one thread (thumbnails,
 * HOG person detection, transcoding × real time) and the detector evaluation (precision,
 * recall and confidence histogram on the labelled set in
 * {@code processing-service/src/test/resources/eval/labels.csv}) for HOG and NanoDet side
 * by side, and HOG's cheaper upscale 1.0 setting.
 */
public final class ProcessingBenchmark implements Benchmark {

	static final String THROUGHPUT_MAIN = "dev.vigil.processing.benchmark.ProcessingBenchmark";

	static final String EVALUATION_MAIN = "dev.vigil.processing.detect.eval.DetectorEvaluation";

	@Override
	public String name() {
		return "processing";
	}

	@Override
	public void run(BenchRun run) throws Exception {
		Path jar = jar(run);
		String rounds = run.quick() ? "1" : "3";
		String throughput = runMain(run, jar, THROUGHPUT_MAIN, List.of(run.media().toString(), rounds),
				Duration.ofMinutes(run.quick() ? 4 : 10));
		String labels = run.root().resolve("processing-service/src/test/resources/eval/labels.csv").toString();
		String evaluation = runMain(run, jar, EVALUATION_MAIN,
				List.of("--labels", labels, "--media", run.media().toString(), "--detector", "hog,nanodet"),
				Duration.ofMinutes(8));
		String fast = run.quick() ? ""
				: "\n### HOG, upscale 1.0 (four times cheaper)\n\n" + runMain(run, jar, EVALUATION_MAIN,
						List.of("--labels", labels, "--media", run.media().toString(), "--upscale", "1.0"),
						Duration.ofMinutes(5));
		String body = """
				One thread, the CPU work only (no Kafka or S3), in a child JVM started from
				`processing-service.jar` with `-Xmx512m`; %s round(s) over the real test media
				(8 stills from the darknet package, `vtest.avi` from opencv-doc). Rates per CPU
				second count native threads too and are the better estimate of a quiet core.

				%s
				### Detector quality: HOG (default settings) vs NanoDet-m (the service's default)

				The labelled set and how it was made: `processing-service/README.md`. A picture is a
				true positive when it has people and at least one person detection at or above the
				threshold; people are matched by count. Both detectors run in one JVM on the same
				pictures, HOG first; CPU ms is the process's CPU time per picture (native threads
				included); resident memory is the JVM's after each detector's run (the CNN's
				runtime and graph stay loaded, so the rise after NanoDet is its cost).

				%s%s""".formatted(rounds, throughput.strip() + "\n", stripTitle(evaluation),
				fast.isEmpty() ? "" : stripTitle(fast));
		run.write(name(), "Processing: throughput per step and detector quality", body);
		System.out.println(throughput);
	}

	/** processing-service's Boot jar, which holds the measuring programs. */
	static Path jar(BenchRun run) throws BenchmarkFailure {
		Path jar = run.root().resolve("processing-service/target/processing-service.jar");
		if (!Files.isRegularFile(jar)) {
			throw new BenchmarkFailure("No " + jar + ": build it first (./mvnw package -DskipTests)");
		}
		return jar;
	}

	/**
	 * Drops the evaluation's own level-two headings (the section has its own headings)
	 * but keeps what it says as a sentence.
	 */
	static String stripTitle(String evaluation) {
		return evaluation.replaceAll("(?m)^## (.*)$", "$1.");
	}

	private static String runMain(BenchRun run, Path jar, String main, List<String> args, Duration timeout)
			throws IOException, InterruptedException, BenchmarkFailure {
		String text = Files.readString(runJar(run, jar, main, args, timeout), StandardCharsets.UTF_8);
		// Only the markdown the programs print, not native libraries' chatter.
		return text.lines()
			.filter((line) -> line.startsWith("|") || line.startsWith("## ") || line.isBlank()
					|| line.startsWith("Confidence") || line.startsWith("Per picture") || line.startsWith("Throughput")
					|| line.startsWith("Resident"))
			.reduce("", (a, b) -> a + b + "\n")
			.replaceAll("\n{3,}", "\n\n");
	}

	/**
	 * Runs one of processing-service's programs from its Boot jar in a child JVM with the
	 * service's heap, from the repository root.
	 * @return the file with what it printed (stdout and stderr)
	 */
	static Path runJar(BenchRun run, Path jar, String main, List<String> args, Duration timeout)
			throws IOException, InterruptedException, BenchmarkFailure {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-Dloader.main=" + main,
				"-cp", jar.toString(), "org.springframework.boot.loader.launch.PropertiesLauncher"));
		command.addAll(args);
		Path output = run.work().resolve(main.substring(main.lastIndexOf('.') + 1) + ".out");
		Process process = new ProcessBuilder(command).directory(run.root().toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new BenchmarkFailure(main + " did not finish within " + timeout + "; see " + output);
		}
		if (process.exitValue() != 0) {
			throw new BenchmarkFailure(main + " exited with " + process.exitValue() + "; see " + output);
		}
		return output;
	}

}
