package dev.vigil.contracts;

import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CameraContractsTests {

	private final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	static final List<String> CONFIGS = CameraSamples.CONFIGS;

	static final List<String> MALFORMED = CameraSamples.MALFORMED_CONFIGS;

	static final List<String> DETECTIONS = CameraSamples.DETECTIONS;

	static final List<String> MALFORMED_DETECTIONS = CameraSamples.MALFORMED_DETECTIONS;

	@ParameterizedTest
	@FieldSource("DETECTIONS")
	void roundTripsEveryDetectionSample(String name) {
		CameraDetection settings = this.json.readValue(ContractSamples.sample(name), CameraDetection.class);
		assertThat(this.json.readValue(this.json.writeValueAsString(settings), CameraDetection.class))
			.isEqualTo(settings);
	}

	@Test
	void readsTheDrivewayDetectionSample() {
		CameraDetection settings = new EventCodec(this.json)
			.read(ContractSamples.sample(CameraSamples.DETECTION_DRIVEWAY).getBytes(), CameraDetection.class);
		assertThat(settings.cameraId()).isEqualTo("driveway");
		assertThat(settings.minBoxHeight()).isEqualTo(40);
		assertThat(settings.labels().get("person")).isEqualTo(new CameraDetection.Label(true, 0.6));
		assertThat(settings.labels().get("vehicle").enabled()).isFalse();
		assertThat(settings.labels().get("vehicle").minConfidence()).isNull();
		assertThat(settings.zones()).hasSize(1);
		assertThat(settings.zones().getFirst().points()).hasSize(4)
			.first()
			.isEqualTo(new CameraDetection.Point(0.0, 0.5));
		assertThat(settings.revision()).isEqualTo(1764655140000L);
	}

	@Test
	void detectionFieldsBeyondTheCameraAndRevisionMayBeAbsent() {
		CameraDetection settings = this.json.readValue(ContractSamples.sample(CameraSamples.DETECTION_DEFAULTS),
				CameraDetection.class);
		assertThat(settings.minBoxHeight()).isNull();
		assertThat(settings.labels()).isEmpty();
		assertThat(settings.zones()).isEmpty();
		assertThat(settings.schemaVersion()).isEqualTo(1);
	}

	@ParameterizedTest
	@FieldSource("MALFORMED_DETECTIONS")
	void refusesDetectionSettingsThatBreakTheContract(String name) {
		assertThatThrownBy(
				() -> new EventCodec(this.json).read(ContractSamples.malformed(name).getBytes(), CameraDetection.class))
			.isInstanceOf(RejectedEventException.class)
			.hasMessageContaining((name.contains("confidence")) ? "minConfidence" : "zones");
	}

	@Test
	void refusesDetectionSettingsOfALaterSchemaVersion() {
		String later = ContractSamples.sample(CameraSamples.DETECTION_DEFAULTS)
			.replace("\"revision\"", "\"schemaVersion\": 2, \"revision\"");
		assertThatThrownBy(() -> new EventCodec(this.json).read(later.getBytes(), CameraDetection.class))
			.isInstanceOf(RejectedEventException.class)
			.hasMessageContaining("schemaVersion");
	}

	@ParameterizedTest
	@FieldSource("CONFIGS")
	void roundTripsEveryConfigSample(String name) {
		CameraConfig config = this.json.readValue(ContractSamples.sample(name), CameraConfig.class);
		assertThat(this.json.readValue(this.json.writeValueAsString(config), CameraConfig.class)).isEqualTo(config);
	}

	@Test
	void readsTheBerlinSampleAndItsHashVerifiesThePassword() {
		CameraConfig config = this.json.readValue(ContractSamples.sample(CameraSamples.CONFIG_BERLIN),
				CameraConfig.class);
		assertThat(config.cameraId()).isEqualTo("porch");
		assertThat(ZoneId.of(config.timeZone())).isEqualTo(ZoneId.of("Europe/Berlin"));
		assertThat(config.allowedSources()).containsExactly("192.168.1.0/24");
		assertThat(config.retention().imageMaxAgeDays()).isEqualTo(30);
		assertThat(config.revision()).isEqualTo(3);
		assertThat(CameraPasswordHash.matches(CameraSamples.CONFIG_PASSWORD, config.passwordHash())).isTrue();
		assertThat(CameraPasswordHash.matches("wrong-password", config.passwordHash())).isFalse();
	}

	@Test
	void optionalFieldsMayBeAbsent() {
		CameraConfig config = this.json.readValue(ContractSamples.sample(CameraSamples.CONFIG_DISABLED),
				CameraConfig.class);
		assertThat(config.enabled()).isFalse();
		assertThat(config.retention()).isNull();
		assertThat(config.silentAfterMinutes()).isNull();
		assertThat(config.schemaVersion()).isEqualTo(1);
	}

	@ParameterizedTest
	@FieldSource("MALFORMED")
	void refusesConfigsThatBreakTheContract(String name) {
		assertThatThrownBy(() -> this.json.readValue(ContractSamples.malformed(name), CameraConfig.class)).rootCause()
			.isInstanceOf(InvalidEventException.class);
	}

	@Test
	void aPlainPasswordNeverPassesAsAHash() {
		assertThat(CameraPasswordHash.isHash("pbkdf2-sha256$")).isFalse();
		assertThat(CameraPasswordHash.isHash("pbkdf2-sha256$600000$my-password")).isFalse();
		assertThat(CameraPasswordHash.isHash(CameraPasswordHash.hash("x", 10_000))).isTrue();
	}

	@Test
	void hashesAreSaltedAndCarryTheirIterations() {
		String first = CameraPasswordHash.hash("same-password", 10_000);
		String second = CameraPasswordHash.hash("same-password", 10_000);
		assertThat(first).isNotEqualTo(second).startsWith("pbkdf2-sha256$10000$");
		assertThat(CameraPasswordHash.matches("same-password", first)).isTrue();
		assertThat(CameraPasswordHash.matches("same-password", "pbkdf2-sha256$x$y$z")).isFalse();
		assertThat(CameraPasswordHash.iterationsOf(first)).isEqualTo(10_000);
		assertThat(CameraPasswordHash.iterationsOf("pbkdf2-sha256$x$y$z")).isZero();
		assertThat(CameraPasswordHash.iterationsOf("plain password")).isZero();
	}

	@Test
	void generatedPasswordsAreLongAndDistinct() {
		String password = CameraPasswordHash.generatePassword();
		assertThat(password).hasSize(24).matches("[A-Za-z0-9_-]+");
		assertThat(CameraPasswordHash.generatePassword()).isNotEqualTo(password);
	}

	@Test
	void readsTheHeartbeatSample() {
		EdgeHeartbeat heartbeat = this.json.readValue(ContractSamples.sample(CameraSamples.HEARTBEAT),
				EdgeHeartbeat.class);
		assertThat(heartbeat.edgeNodeId()).isEqualTo("edge-garage");
		assertThat(heartbeat.spoolDepth()).isEqualTo(12);
		assertThat(heartbeat.endpoints()).extracting(EdgeHeartbeat.Endpoint::protocol)
			.containsExactly(UploadProtocol.FTP, UploadProtocol.FTPS, UploadProtocol.SFTP);
		assertThat(heartbeat.endpoints().get(2).passivePorts()).isNull();
		assertThat(this.json.readValue(this.json.writeValueAsString(heartbeat), EdgeHeartbeat.class))
			.isEqualTo(heartbeat);
	}

	@Test
	void refusesAHeartbeatWithANegativeSpool() {
		String text = ContractSamples.sample(CameraSamples.HEARTBEAT)
			.replace("\"spoolDepth\": 12", "\"spoolDepth\": -1");
		assertThatThrownBy(() -> this.json.readValue(text, EdgeHeartbeat.class)).rootCause()
			.isInstanceOf(InvalidEventException.class)
			.hasMessageContaining("spoolDepth");
	}

}
