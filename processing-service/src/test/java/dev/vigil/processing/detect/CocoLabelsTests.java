package dev.vigil.processing.detect;

import java.util.stream.IntStream;

import dev.vigil.contracts.ContractSamples;
import dev.vigil.contracts.MediaProcessed;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CocoLabelsTests {

	@Test
	void foldsCocoClassesIntoPersonVehicleAndAnimal() {
		assertThat(CocoLabels.CLASSES).hasSize(80);
		assertThat(CocoLabels.label(0)).isEqualTo("person");
		assertThat(IntStream.range(0, 80).mapToObj(CocoLabels::label).filter("vehicle"::equals).count()).isEqualTo(5);
		assertThat(IntStream.range(0, 80).mapToObj(CocoLabels::label).filter("animal"::equals).count()).isEqualTo(10);
		assertThat(CocoLabels.label(CocoLabels.CLASSES.indexOf("truck"))).isEqualTo("vehicle");
		assertThat(CocoLabels.label(CocoLabels.CLASSES.indexOf("dog"))).isEqualTo("animal");
		assertThat(CocoLabels.label(CocoLabels.CLASSES.indexOf("kite"))).isNull();
	}

	@Test
	void theGoldenSampleWithCnnLabelsIsAValidMediaProcessed() {
		// contracts' golden sample of what this service publishes with the CNN.
		MediaProcessed event = JsonMapper.builder()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build()
			.readValue(ContractSamples.sample("media-processed-image-cnn-labels.json"), MediaProcessed.class);
		assertThat(event.detections()).extracting((d) -> d.label()).isSubsetOf(CocoLabels.REPORTED);
		assertThat(event.maxConfidence("animal")).isEqualTo(0.517);
		assertThat(event.maxConfidence("vehicle")).isEqualTo(0.62);
		assertThat(event.detector().name()).isEqualTo("nanodet-m");
	}

}
