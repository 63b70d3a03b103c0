package dev.vigil.processing.pipeline;

import java.nio.charset.StandardCharsets;

import dev.vigil.contracts.ContractSamples;
import dev.vigil.contracts.EventCodec;
import dev.vigil.contracts.MediaKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the processor reads from {@code media.uploaded}: the contracts' codec, with every
 * rejection turned into a poison event (dead-lettered at once). The codec's own edge
 * cases are tested in {@code contracts}.
 */
class PoisonReadingTests {

	private final EventCodec codec = new EventCodec(JsonMapper.builder().build());

	@Test
	void readsTheGoldenVideoSample() {
		assertThat(
				ProcessingConfiguration.read(this.codec, bytes(ContractSamples.sample(ContractSamples.UPLOADED_VIDEO)))
					.kind())
			.isEqualTo(MediaKind.VIDEO);
	}

	@ParameterizedTest
	@ValueSource(strings = { "uploaded-traversal-key.json", "uploaded-missing-camera.json", "uploaded-bad-sha256.json",
			"uploaded-empty-file.json" })
	void rejectsEventsThatBreakTheContractAsPoison(String sample) {
		assertThatExceptionOfType(PoisonEventException.class)
			.isThrownBy(() -> ProcessingConfiguration.read(this.codec, bytes(ContractSamples.malformed(sample))))
			.withMessageStartingWith("Invalid MediaUploaded:");
	}

	@Test
	void rejectsTextThatIsNotJsonAsPoison() {
		assertThatExceptionOfType(PoisonEventException.class)
			.isThrownBy(() -> ProcessingConfiguration.read(this.codec, bytes("{not json")))
			.withMessageContaining("not JSON");
	}

	@Test
	void rejectsANewerSchemaVersionAsPoison() {
		String newer = ContractSamples.sample(ContractSamples.UPLOADED_IMAGE)
			.replace("\"schemaVersion\": 1", "\"schemaVersion\": 2");
		assertThatExceptionOfType(PoisonEventException.class)
			.isThrownBy(() -> ProcessingConfiguration.read(this.codec, bytes(newer)))
			.withMessageContaining("Unsupported schemaVersion 2");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
