package dev.vigil.bench.e2e;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateStepTests {

	/** Step 0: 10 s at 2 files/s from t = 0; step 1: 10 s at 5 files/s from t = 10 s. */
	private static List<FileTimeline> files(long processingMillisPerFile, long latencyMillis) {
		List<FileTimeline> files = new ArrayList<>();
		long processorFreeAt = 0;
		int n = 0;
		for (int step = 0; step < 2; step++) {
			double rate = (step == 0) ? 2 : 5;
			for (int i = 0; i < rate * 10; i++) {
				FileTimeline file = new FileTimeline("sha" + n++);
				file.step = step;
				file.camera = "c";
				file.uploadedAt = 1_000_000 + step * 10_000 + Math.round(i * 1000 / rate);
				processorFreeAt = Math.max(processorFreeAt, file.uploadedAt) + processingMillisPerFile;
				file.processedAt = processorFreeAt + latencyMillis;
				files.add(file);
			}
		}
		return files;
	}

	@Test
	void aPipelineFasterThanTheRateSustainsEveryStep() {
		List<FileTimeline> files = files(100, 1500);

		RateStep first = RateStep.measure(2, 0, 1_000_000, 1_009_500, 0, files);
		RateStep second = RateStep.measure(5, 1, 1_010_000, 1_019_800, 0, files);

		assertThat(first.accepted()).isEqualTo(20);
		assertThat(first.sustained()).isTrue();
		assertThat(second.sustained()).isTrue();
		assertThat(second.processedRate()).isBetween(4.9, 5.3);
		assertThat(second.latencyGrowthMs()).isZero();
		assertThat(second.backlogAtEnd()).isLessThanOrEqualTo(10);
	}

	@Test
	void aPipelineSlowerThanTheRateQueuesAndDoesNotSustain() {
		// 300 ms per file: at most 3.3 files/s.
		List<FileTimeline> files = files(300, 1500);

		RateStep first = RateStep.measure(2, 0, 1_000_000, 1_009_500, 0, files);
		RateStep second = RateStep.measure(5, 1, 1_010_000, 1_019_800, 0, files);

		assertThat(first.sustained()).isTrue();
		assertThat(second.sustained()).isFalse();
		assertThat(second.processedRate()).isBetween(3.2, 3.4);
		assertThat(second.latencyGrowthMs()).isGreaterThan(3 * second.toleratedGrowthMs());
		assertThat(second.backlogAtEnd()).isGreaterThan(15);
	}

	@Test
	void unprocessedFilesAreNotSustained() {
		List<FileTimeline> files = files(100, 1500);
		files.getFirst().processedAt = 0;

		assertThat(RateStep.measure(2, 0, 1_000_000, 1_009_500, 0, files).sustained()).isFalse();
	}

	@Test
	void refusalsOrAShortfallOfUploadsAreNotSustained() {
		List<FileTimeline> files = files(100, 1500);

		assertThat(RateStep.measure(2, 0, 1_000_000, 1_009_500, 1, files).sustained()).isFalse();
		assertThat(RateStep.measure(4, 0, 1_000_000, 1_009_500, 0, files).sustained()).isFalse();
	}

}
