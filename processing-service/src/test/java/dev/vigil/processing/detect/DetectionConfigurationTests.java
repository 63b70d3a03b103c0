package dev.vigil.processing.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DetectionConfigurationTests {

	private final DetectionConfiguration configuration = new DetectionConfiguration();

	@Test
	void unsetThreadsShareTheCoresAmongTheConsumerThreads() {
		NanoDetProperties auto = NanoDetProperties.defaults();
		assertThat(auto.resolveThreads(2, 2).threads()).isEqualTo(1);
		assertThat(auto.resolveThreads(4, 1).threads()).isEqualTo(4);
		assertThat(auto.resolveThreads(2, 8).threads()).isEqualTo(1);
		assertThat(new NanoDetProperties(null, false, 3, 0.2, 0.6).resolveThreads(2, 2).threads()).isEqualTo(3);
	}

	@Test
	void refusesToStartNamingTheMissingModelFile(@TempDir Path empty) {
		assertThatIllegalStateException()
			.isThrownBy(
					() -> this.configuration.detectorSelection(nanodet(empty, false), JsonMapper.builder().build(), 2))
			.withMessageContaining(empty.resolve("nanodet.json").toString())
			.withMessageContaining("is missing")
			.withMessageContaining("fallback-to-hog");
	}

	@Test
	void refusesATruncatedWeightFileNamingIt(@TempDir Path dir) throws IOException {
		Path real = NanoDetModel.locate(null);
		Files.copy(real.resolve("nanodet.json"), dir.resolve("nanodet.json"));
		byte[] weights = Files.readAllBytes(real.resolve("nanodet.bin"));
		Files.write(dir.resolve("nanodet.bin"), java.util.Arrays.copyOf(weights, weights.length / 2));
		assertThatIllegalStateException()
			.isThrownBy(
					() -> this.configuration.detectorSelection(nanodet(dir, false), JsonMapper.builder().build(), 2))
			.withMessageContaining(dir.resolve("nanodet.bin").toString())
			.withMessageContaining("SHA-256");
	}

	@Test
	void fallsBackToHogOnlyWhenConfiguredAndSaysWhy(@TempDir Path empty) {
		DetectorSelection selection = this.configuration.detectorSelection(nanodet(empty, true),
				JsonMapper.builder().build(), 2);
		assertThat(selection.requested()).isEqualTo(DetectionProperties.Kind.NANODET);
		assertThat(selection.detector()).isInstanceOf(HogDetector.class);
		assertThat(selection.fallbackReason()).contains("nanodet.json").contains("missing");
		assertThat(new DetectorHealthIndicator(selection).health().getDetails()).containsEntry("active", "opencv-hog")
			.containsEntry("requested", "nanodet")
			.containsKey("fallbackReason");
	}

	private static DetectionProperties nanodet(Path modelDir, boolean fallback) {
		return new DetectionProperties(DetectionProperties.Kind.NANODET, 0.5, 50,
				new NanoDetProperties(modelDir, fallback, 0, 0.2, 0.6), HogProperties.defaults(),
				new DetectionProperties.Http(null, Duration.ofSeconds(1), "http", "1"), Map.of(), Map.of());
	}

}
