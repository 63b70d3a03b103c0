package dev.vigil.contracts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MotionEventChangedTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final java.util.List<String> valid = ContractSamples.MOTION;

	static final java.util.List<String> malformed = ContractSamples.MOTION_MALFORMED;

	@ParameterizedTest
	@FieldSource("valid")
	void everyGoldenSampleReadsAndWritesBackTheSameRecord(String name) {
		MotionEventChanged read = JSON.readValue(ContractSamples.sample(name), MotionEventChanged.class);
		assertThat(JSON.readValue(JSON.writeValueAsString(read), MotionEventChanged.class)).isEqualTo(read);
		assertThat(read.schemaVersion()).isEqualTo(MotionEventChanged.CURRENT_SCHEMA_VERSION);
	}

	@Test
	void anUpdateCarriesTheBestScoreAndSnapshotPerLabel() {
		MotionEventChanged updated = JSON.readValue(ContractSamples.sample(ContractSamples.MOTION_UPDATED_PERSON),
				MotionEventChanged.class);
		assertThat(updated.type()).isEqualTo(MotionEventChange.UPDATED);
		assertThat(updated.revision()).isEqualTo(2);
		assertThat(updated.label("person")).hasValueSatisfying((person) -> {
			assertThat(person.score()).isEqualTo(0.91);
			assertThat(person.snapshot().objectKey()).endsWith("/thumb.jpg");
		});
		assertThat(updated.label("dog")).hasValueSatisfying((dog) -> assertThat(dog.snapshot()).isNull());
		assertThat(updated.label("car")).isEmpty();
	}

	@Test
	void anOpenedEventHasNoLabelsYet() {
		MotionEventChanged opened = JSON.readValue(ContractSamples.sample(ContractSamples.MOTION_OPENED),
				MotionEventChanged.class);
		assertThat(opened.labels()).isEmpty();
		assertThat(opened.snapshot()).isNull();
	}

	@ParameterizedTest
	@FieldSource("malformed")
	void malformedRecordsAreRejectedNamingTheField(String name) {
		assertThatThrownBy(() -> JSON.readValue(ContractSamples.malformed(name), MotionEventChanged.class))
			.isInstanceOf(DatabindException.class)
			.hasRootCauseInstanceOf(InvalidEventException.class);
	}

}
