package dev.vigil.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractsTests {

	// Strict about unknown properties, so the records' own tolerance is what is tested.
	private final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	static final List<String> UPLOADED = ContractSamples.UPLOADED;

	static final List<String> PROCESSED = ContractSamples.PROCESSED;

	@ParameterizedTest
	@FieldSource("UPLOADED")
	void roundTripsEveryUploadedSample(String name) {
		MediaUploaded event = this.json.readValue(ContractSamples.sample(name), MediaUploaded.class);
		String written = this.json.writeValueAsString(event);
		assertThat(this.json.readValue(written, MediaUploaded.class)).isEqualTo(event);
		assertKnownFieldsPreserved(ContractSamples.sample(name), written);
	}

	@ParameterizedTest
	@FieldSource("PROCESSED")
	void roundTripsEveryProcessedSample(String name) {
		MediaProcessed event = this.json.readValue(ContractSamples.sample(name), MediaProcessed.class);
		String written = this.json.writeValueAsString(event);
		assertThat(this.json.readValue(written, MediaProcessed.class)).isEqualTo(event);
		assertKnownFieldsPreserved(ContractSamples.sample(name), written);
	}

	@Test
	void readsTheImageSampleFieldByField() {
		MediaUploaded event = this.json.readValue(ContractSamples.sample(ContractSamples.UPLOADED_IMAGE),
				MediaUploaded.class);
		assertThat(event.cameraId()).isEqualTo("driveway");
		assertThat(event.kind()).isEqualTo(MediaKind.IMAGE);
		assertThat(event.capturedAt()).isEqualTo(Instant.parse("2016-08-30T13:51:37Z"));
		assertThat(event.capturedAtSource()).isEqualTo(CaptureTimeSource.FILENAME);
		assertThat(event.sizeBytes()).isEqualTo(187342);
		assertThat(event.objectKey()).startsWith("originals/driveway/2016/08/30/15/").endsWith(".jpg");
	}

	@Test
	void treatsAnAbsentSchemaVersionAsTheFirst() {
		MediaUploaded event = this.json.readValue(ContractSamples.sample(ContractSamples.UPLOADED_NO_CAPTURE_TIME),
				MediaUploaded.class);
		assertThat(event.schemaVersion()).isEqualTo(1);
		assertThat(event.capturedAt()).isNull();
	}

	@Test
	void defaultsAbsentDerivedKeysAndDetections() {
		MediaProcessed event = this.json.readValue(ContractSamples.sample(ContractSamples.PROCESSED_CORRUPT),
				MediaProcessed.class);
		assertThat(event.derived()).isEqualTo(DerivedKeys.NONE);
		assertThat(event.detections()).isEmpty();
		assertThat(event.detector()).isNull();
		assertThat(event.reason()).contains("end-of-image");
	}

	@Test
	void toleratesFieldsAddedByNewerProducers() {
		MediaUploaded event = this.json.readValue(ContractSamples.sample(ContractSamples.UPLOADED_FUTURE_FIELDS),
				MediaUploaded.class);
		assertThat(event.cameraId()).isEqualTo("porch");
	}

	@Test
	void reportsTheHighestConfidencePerLabel() {
		MediaProcessed event = this.json.readValue(ContractSamples.sample(ContractSamples.PROCESSED_IMAGE_PERSON),
				MediaProcessed.class);
		assertThat(event.maxConfidence("person")).isEqualTo(0.91);
		assertThat(event.maxConfidence("car")).isZero();
	}

	@ParameterizedTest
	@CsvSource({ "uploaded-missing-camera.json, cameraId is required",
			"uploaded-bad-sha256.json, sha256 must be 64 lower-case hex characters",
			"uploaded-traversal-key.json, objectKey must be a relative object key",
			"uploaded-empty-file.json, sizeBytes must be positive" })
	void rejectsMalformedUploadedEventsNamingTheField(String name, String message) {
		assertThatException()
			.isThrownBy(() -> this.json.readValue(ContractSamples.malformed(name), MediaUploaded.class))
			.withMessageContaining(message);
	}

	@ParameterizedTest
	@CsvSource({ "processed-confidence-above-one.json, confidence must be between 0 and 1",
			"processed-corrupt-without-reason.json, reason is required when status is CORRUPT",
			"processed-missing-media-id.json, mediaId is required",
			"processed-clip-confidence-above-one.json, maxConfidence must be between 0 and 1" })
	void rejectsMalformedProcessedEventsNamingTheField(String name, String message) {
		assertThatException()
			.isThrownBy(() -> this.json.readValue(ContractSamples.malformed(name), MediaProcessed.class))
			.withMessageContaining(message);
	}

	@Test
	void rejectsCameraIdsThatCouldEscapeAnObjectKey() {
		assertThatThrownBy(() -> new MediaUploaded(UUID.randomUUID(), "a".repeat(64), "edge", "../cam", "k", "b",
				"image/jpeg", 1L, "a".repeat(64), "p", null, null, Instant.now(), MediaKind.IMAGE, 1))
			.isInstanceOf(InvalidEventException.class)
			.hasMessageStartingWith("cameraId ")
			.extracting((ex) -> ((InvalidEventException) ex).field())
			.isEqualTo("cameraId");
	}

	@Test
	void namesDeadLetterTopicsByTopicAndGroup() {
		assertThat(Topics.deadLetter(Topics.MEDIA_UPLOADED, "processing")).isEqualTo("media.uploaded.processing.dlq");
	}

	private void assertKnownFieldsPreserved(String original, String written) {
		JsonNode source = this.json.readTree(original);
		JsonNode copy = this.json.readTree(written);
		for (String field : List.of("eventId", "mediaId", "cameraId", "status", "kind", "capturedAt", "sizeBytes")) {
			if (source.has(field)) {
				assertThat(copy.get(field).asString()).as(field).isEqualTo(source.get(field).asString());
			}
		}
	}

}
