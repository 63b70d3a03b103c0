package dev.vigil.contracts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTests {

	static final List<String> UPLOADED = ContractSamples.UPLOADED;

	static final List<String> PROCESSED = ContractSamples.PROCESSED;

	static final List<String> MOTION = ContractSamples.MOTION;

	private final EventCodec codec = new EventCodec(JsonMapper.builder().build());

	@ParameterizedTest
	@FieldSource("UPLOADED")
	void readsEveryGoldenUploadedSample(String name) {
		MediaUploaded event = this.codec.read(bytes(ContractSamples.sample(name)), MediaUploaded.class);
		assertThat(event.mediaId()).hasSize(64);
		assertThat(event.schemaVersion()).isEqualTo(1);
	}

	@ParameterizedTest
	@FieldSource("PROCESSED")
	void readsEveryGoldenProcessedSample(String name) {
		assertThat(this.codec.read(bytes(ContractSamples.sample(name)), MediaProcessed.class).status()).isNotNull();
	}

	@ParameterizedTest
	@FieldSource("MOTION")
	void readsEveryGoldenMotionEventSample(String name) {
		assertThat(this.codec.read(bytes(ContractSamples.sample(name)), MotionEventChanged.class).type()).isNotNull();
	}

	@Test
	void readsTheCameraConfigAndHeartbeatSamples() {
		assertThat(this.codec.read(bytes(ContractSamples.sample(CameraSamples.CONFIG_BERLIN)), CameraConfig.class)
			.cameraId()).isNotBlank();
		assertThat(this.codec.read(bytes(ContractSamples.sample(CameraSamples.HEARTBEAT)), EdgeHeartbeat.class)
			.edgeNodeId()).isNotBlank();
	}

	@Test
	void readsTheVideoSampleFieldByField() {
		MediaUploaded event = this.codec.read(bytes(ContractSamples.sample(ContractSamples.UPLOADED_VIDEO)),
				MediaUploaded.class);
		assertThat(event.kind()).isEqualTo(MediaKind.VIDEO);
		assertThat(event.cameraId()).isEqualTo("driveway");
		MediaProcessed processed = this.codec.read(bytes(ContractSamples.sample(ContractSamples.PROCESSED_CORRUPT)),
				MediaProcessed.class);
		assertThat(processed.status()).isEqualTo(ProcessingStatus.CORRUPT);
	}

	/** Every golden sample with its record type, for the round trip. */
	static Stream<Arguments> everySample() {
		Stream<Arguments> uploaded = UPLOADED.stream().map((name) -> Arguments.of(name, MediaUploaded.class));
		Stream<Arguments> processed = PROCESSED.stream().map((name) -> Arguments.of(name, MediaProcessed.class));
		Stream<Arguments> motion = MOTION.stream().map((name) -> Arguments.of(name, MotionEventChanged.class));
		Stream<Arguments> configs = CameraSamples.CONFIGS.stream()
			.map((name) -> Arguments.of(name, CameraConfig.class));
		Stream<Arguments> detections = CameraSamples.DETECTIONS.stream()
			.map((name) -> Arguments.of(name, CameraDetection.class));
		Stream<Arguments> heartbeat = Stream.of(Arguments.of(CameraSamples.HEARTBEAT, EdgeHeartbeat.class));
		return Stream.of(uploaded, processed, motion, configs, detections, heartbeat).flatMap((each) -> each);
	}

	@ParameterizedTest
	@MethodSource("everySample")
	void writesEveryRecordTypeSoThatItReadsBackEqual(String name, Class<?> type) {
		Object event = this.codec.read(bytes(ContractSamples.sample(name)), type);
		byte[] written = this.codec.write(event);
		assertThat(this.codec.read(written, type)).isEqualTo(event);
		assertThat(new String(written, StandardCharsets.UTF_8)).contains("\"schemaVersion\":");
	}

	@Test
	void refusesTypesThatAreNotWireEvents() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.write("text"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.read(bytes("{}"), String.class));
	}

	@Test
	void rejectsTextThatIsNotJson() {
		assertThatThrownBy(() -> this.codec.read(bytes("{not json"), MediaUploaded.class))
			.isInstanceOf(RejectedEventException.class)
			.hasMessageStartingWith("Malformed MediaUploaded: not JSON");
	}

	@ParameterizedTest
	@ValueSource(strings = { "[1,2]", "\"text\"", "42", "null", "" })
	void rejectsWhatIsNotAJsonObject(String payload) {
		assertThatThrownBy(() -> this.codec.read(bytes(payload), MediaUploaded.class))
			.isInstanceOf(RejectedEventException.class)
			.hasMessageStartingWith("Malformed MediaUploaded: not");
	}

	@Test
	void rejectsANewerSchemaVersionBeforeReadingTheShape() {
		// Also missing its camera: the version is what the message names.
		String newer = ContractSamples.sample(ContractSamples.UPLOADED_IMAGE)
			.replace("\"schemaVersion\": 1", "\"schemaVersion\": 2")
			.replace("\"cameraId\": \"driveway\",", "");
		assertThatThrownBy(() -> this.codec.read(bytes(newer), MediaUploaded.class))
			.isInstanceOf(RejectedEventException.class)
			.hasMessage("Unsupported schemaVersion 2: this service reads MediaUploaded up to 1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.0", "1.5", "\"1\"", "true", "4294967297", "99999999999999999999" })
	void rejectsASchemaVersionThatIsNotAnInt(String version) {
		String odd = ContractSamples.sample(ContractSamples.UPLOADED_IMAGE)
			.replace("\"schemaVersion\": 1", "\"schemaVersion\": " + version);
		assertThatThrownBy(() -> this.codec.read(bytes(odd), MediaUploaded.class))
			.isInstanceOf(RejectedEventException.class)
			.hasMessage("Malformed MediaUploaded: schemaVersion is not an integer");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"unrelated\": 0", "\"schemaVersion\": null" })
	void readsAnAbsentOrNullSchemaVersionAsTheFirst(String replacement) {
		String old = ContractSamples.sample(ContractSamples.UPLOADED_IMAGE)
			.replace("\"schemaVersion\": 1", replacement);
		assertThat(this.codec.read(bytes(old), MediaUploaded.class).schemaVersion()).isEqualTo(1);
	}

	@Test
	void rejectsANonPositiveSchemaVersionNamingTheField() {
		String zero = ContractSamples.sample(ContractSamples.UPLOADED_IMAGE)
			.replace("\"schemaVersion\": 1", "\"schemaVersion\": 0");
		assertThatThrownBy(() -> this.codec.read(bytes(zero), MediaUploaded.class))
			.isInstanceOf(RejectedEventException.class)
			.hasMessage("Invalid MediaUploaded: schemaVersion must be positive");
	}

	@ParameterizedTest
	@CsvSource({ "uploaded-traversal-key.json, objectKey", "uploaded-missing-camera.json, cameraId",
			"uploaded-bad-sha256.json, sha256", "uploaded-empty-file.json, sizeBytes" })
	void rejectsUploadsThatBreakTheContractNamingTheField(String sample, String field) {
		assertThatThrownBy(() -> this.codec.read(bytes(ContractSamples.malformed(sample)), MediaUploaded.class))
			.isInstanceOf(RejectedEventException.class)
			.hasMessageStartingWith("Invalid MediaUploaded: ")
			.hasMessageContaining(field)
			.cause()
			.isNotNull();
	}

	@Test
	void rejectsProcessedResultsThatBreakTheContractNamingTheRule() {
		assertThatThrownBy(() -> this.codec
			.read(bytes(ContractSamples.malformed("processed-confidence-above-one.json")), MediaProcessed.class))
			.isInstanceOf(RejectedEventException.class)
			.hasMessageContaining("confidence must be between 0 and 1");
	}

	@Test
	void rejectsAWrongJsonTypeAsMalformed() {
		String wrong = ContractSamples.sample(ContractSamples.UPLOADED_IMAGE)
			.replace("\"sizeBytes\": 187342", "\"sizeBytes\": {\"big\": true}");
		assertThatThrownBy(() -> this.codec.read(bytes(wrong), MediaUploaded.class))
			.isInstanceOf(RejectedEventException.class)
			.hasMessageStartingWith("Malformed MediaUploaded: ");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
