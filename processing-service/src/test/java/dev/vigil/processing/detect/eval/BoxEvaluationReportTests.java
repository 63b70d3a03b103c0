package dev.vigil.processing.detect.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.devstack.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation's report and label files: every table is well formed (each row has the
 * header's cells), and the figures follow from the detections.
 */
class BoxEvaluationReportTests {

	@Test
	void reportsWellFormedTablesWithAPerfectAndABlindDetector() throws Exception {
		List<LabelledPicture> pictures = LabelledPicture.read(Path.of("src/test/resources/eval/people-boxes.csv"))
			.stream()
			// Pictures only (no clip to decode), both halves, with and without people.
			.filter((p) -> p.frame() == null)
			.toList();
		List<Variant.Sample> samples = BoxEvaluation.samples(pictures, TestMedia.root());
		Map<String, List<BoxEvaluation.Run>> runs = new LinkedHashMap<>();
		runs.put("perfect",
				samples.stream()
					.map((s) -> new BoxEvaluation.Run(s,
							s.people().stream().map((box) -> new BoxMatching.Found(0.95, box)).toList()))
					.toList());
		runs.put("blind", samples.stream().map((s) -> new BoxEvaluation.Run(s, List.of())).toList());

		String report = BoxEvaluation.report(samples, runs, Map.of("perfect 1", 12.0, "blind 1", 1.0));

		List<String> lines = report.lines().toList();
		int tables = 0;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith("|") && (i == 0 || !lines.get(i - 1).startsWith("|"))) {
				tables++;
				int cells = cells(lines.get(i));
				assertThat(lines.get(i + 1)).as(lines.get(i)).matches("\\|(---\\|)+");
				for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("|"); j++) {
					assertThat(cells(lines.get(j))).as(lines.get(j)).isEqualTo(cells);
				}
			}
		}
		assertThat(tables).isEqualTo(5);
		assertThat(report).contains("| threshold | perfect P / R | perfect false-alarm pictures |"
				+ " blind P / R | blind false-alarm pictures |");
		assertThat(report).contains("| confidence | perfect hits | perfect false | blind hits | blind false |");
		assertThat(lines)
			.anyMatch((line) -> line.startsWith("| 0.5 | 1.00 / 1.00 | 0 of ") && line.contains("| - / 0.00 |"));
	}

	@Test
	void labelFilesSkipCommentsBlankLinesAndTheHeader(@TempDir Path dir) throws Exception {
		Path csv = dir.resolve("labels.csv");
		Files.writeString(csv,
				"# about the file\n\npicture,half,boxes,note\na.jpg,tune,,x\n# later\n\nb.jpg,report,,y\n");

		assertThat(LabelFiles.dataLines(csv)).containsExactly("a.jpg,tune,,x", "b.jpg,report,,y");
	}

	private static int cells(String line) {
		return (int) line.chars().filter((c) -> c == '|').count();
	}

}
