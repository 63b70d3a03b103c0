package dev.vigil.processing.pipeline;

import dev.vigil.contracts.ContractSamples;
import dev.vigil.contracts.MediaKind;
import dev.vigil.contracts.MediaUploaded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventReaderTests {

	private final EventReader reader = new EventReader(JsonMapper.builder().build());

	static final java.util.List<String> uploaded = ContractSamples.UPLOADED;

	@ParameterizedTest
	@FieldSource("uploaded")
	void readsEveryGoldenSample(String sample) {
		MediaUploaded event = this.reader.read(ContractSamples.sample(sample).getBytes());
		assertThat(event.mediaId()).hasSize(64);
		assertThat(event.schemaVersion()).isEqualTo(1);
	}

	@Test
	void readsTheVideoSample() {
		MediaUploaded event = this.reader.read(ContractSamples.sample(ContractSamples.UPLOADED_VIDEO).getBytes());
		assertThat(event.kind()).isEqualTo(MediaKind.VIDEO);
		assertThat(event.cameraId()).isEqualTo("driveway");
	}

	@ParameterizedTest
	@ValueSource(strings = { "uploaded-traversal-key.json", "uploaded-missing-camera.json", "uploaded-bad-sha256.json",
			"uploaded-empty-file.json" })
	void rejectsEventsThatBreakTheContractAsPoison(String sample) {
		assertThatExceptionOfType(PoisonEventException.class)
			.isThrownBy(() -> this.reader.read(ContractSamples.malformed(sample).getBytes()))
			.withMessageStartingWith("Invalid event:");
	}

	@Test
	void rejectsTextThatIsNotJsonAsPoison() {
		assertThatExceptionOfType(PoisonEventException.class).isThrownBy(() -> this.reader.read("{not json".getBytes()))
			.withMessageContaining("not JSON");
		assertThatExceptionOfType(PoisonEventException.class).isThrownBy(() -> this.reader.read("[1,2]".getBytes()))
			.withMessageContaining("not a JSON object");
	}

	@Test
	void rejectsANewerSchemaVersionAsPoison() {
		String newer = ContractSamples.sample(ContractSamples.UPLOADED_IMAGE)
			.replace("\"schemaVersion\": 1", "\"schemaVersion\": 2");
		assertThatExceptionOfType(PoisonEventException.class).isThrownBy(() -> this.reader.read(newer.getBytes()))
			.withMessageContaining("Unsupported schemaVersion 2");
	}

}
