package dev.vigil.bench.processing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.vigil.bench.run.BenchRun;
import dev.vigil.bench.run.Benchmark;

/**
 * Detector quality on the box-labelled set ({@code eval/people-boxes.csv} of
 * processing-service) and its variants: HOG and NanoDet-m side by side, each with the
 * threshold it does best at on the tune half, scored on the report half (boxes matched at
 * IoU 0.5), per variant, with the confidence histogram. Runs processing-service's
 * {@code BoxEvaluation} from its jar; quick and full runs are the same (about three
 * minutes on two cores).
 */
public final class DetectionBenchmark implements Benchmark {

	static final String MAIN = "dev.vigil.processing.detect.eval.BoxEvaluation";

	@Override
	public String name() {
		return "detection";
	}

	@Override
	public void run(BenchRun run) throws Exception {
		Path report = run.work().resolve("box-evaluation.md");
		String labels = run.root().resolve("processing-service/src/test/resources/eval/people-boxes.csv").toString();
		ProcessingBenchmark.runJar(run, ProcessingBenchmark.jar(run), MAIN, List.of("--labels", labels, "--media",
				run.media().toString(), "--detector", "hog,nanodet", "--out", report.toString()),
				Duration.ofMinutes(15));
		String body = """
				Both detectors at their service defaults, one after the other in one JVM started
				from `processing-service.jar` with `-Xmx512m`, on the same pictures. The set
				(`processing-service/src/test/resources/eval/people-boxes.csv`, how it was made:
				`processing-service/README.md`) is split by picture into a tune half and a report
				half; every variant of a picture (night IR look, low-quality JPEG, edge crop for
				pictures with people, headlights for those without) stays in its picture's half.
				A detection is a hit when it overlaps a labelled person with IoU >= 0.5 (one hit
				per person, best detection first); on a don't-care region it counts neither way;
				anything else is a false alarm. Only `person` detections are scored.

				%s""".formatted(Files.readString(report, StandardCharsets.UTF_8).strip());
		run.write(name(), "Detector quality: boxes on the labelled set, HOG vs NanoDet-m", body);
	}

}
