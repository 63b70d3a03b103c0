package dev.vigil.catalog.ingest;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.json.JsonMapper;

import dev.vigil.contracts.ContractSamples;
import dev.vigil.contracts.MediaKind;
import dev.vigil.contracts.ProcessingStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventReaderTests {

	static final java.util.List<String> UPLOADED = ContractSamples.UPLOADED;

	static final java.util.List<String> PROCESSED = ContractSamples.PROCESSED;

	private final EventReader reader = new EventReader(JsonMapper.builder().build());

	@ParameterizedTest
	@FieldSource("UPLOADED")
	void readsEveryGoldenUploadedSample(String name) {
		assertThat(this.reader.uploaded(bytes(ContractSamples.sample(name))).mediaId()).hasSize(64);
	}

	@ParameterizedTest
	@FieldSource("PROCESSED")
	void readsEveryGoldenProcessedSample(String name) {
		assertThat(this.reader.processed(bytes(ContractSamples.sample(name))).status()).isNotNull();
	}

	@Test
	void readsTheVideoSampleFieldByField() {
		var event = this.reader.uploaded(bytes(ContractSamples.sample(ContractSamples.UPLOADED_VIDEO)));
		assertThat(event.kind()).isEqualTo(MediaKind.VIDEO);
		assertThat(event.cameraId()).isEqualTo("driveway");
		var processed = this.reader.processed(bytes(ContractSamples.sample(ContractSamples.PROCESSED_CORRUPT)));
		assertThat(processed.status()).isEqualTo(ProcessingStatus.CORRUPT);
	}

	@Test
	void rejectsANewerSchemaVersionBeforeReadingTheShape() {
		String newer = ContractSamples.sample(ContractSamples.UPLOADED_IMAGE)
			.replace("\"schemaVersion\": 1", "\"schemaVersion\": 2");
		assertThatThrownBy(() -> this.reader.uploaded(bytes(newer))).isInstanceOf(RejectedEventException.class)
			.hasMessageContaining("schemaVersion 2 is newer than the supported 1");
	}

	@Test
	void rejectsContractBreachesNamingTheField() {
		assertThatThrownBy(() -> this.reader.uploaded(bytes(ContractSamples.malformed("uploaded-traversal-key.json"))))
			.isInstanceOf(RejectedEventException.class)
			.hasMessageContaining("objectKey");
		assertThatThrownBy(
				() -> this.reader.processed(bytes(ContractSamples.malformed("processed-confidence-above-one.json"))))
			.isInstanceOf(RejectedEventException.class)
			.hasMessageContaining("confidence must be between 0 and 1");
	}

	@Test
	void rejectsWhatIsNotAJsonObject() {
		assertThatThrownBy(() -> this.reader.uploaded(bytes("not json"))).isInstanceOf(RejectedEventException.class);
		assertThatThrownBy(() -> this.reader.uploaded(bytes("[1,2]"))).isInstanceOf(RejectedEventException.class);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
