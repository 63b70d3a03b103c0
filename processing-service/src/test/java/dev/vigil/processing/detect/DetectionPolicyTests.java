package dev.vigil.processing.detect;

import java.util.List;
import java.util.Map;

import dev.vigil.contracts.BoundingBox;
import dev.vigil.contracts.Detection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DetectionPolicyTests {

	private static final Detection LEFT_STRONG = person(0.9, 10, 200, 40, 100);

	private static final Detection RIGHT_WEAK = person(0.55, 500, 200, 40, 100);

	private static final Detection RIGHT_SMALL = person(0.95, 500, 50, 10, 30);

	@Test
	void dropsDetectionsBelowTheGlobalMinimumConfidence() {
		DetectionPolicy policy = new DetectionPolicy(properties(0.6, Map.of()));
		assertThat(policy.filter("any", List.of(LEFT_STRONG, RIGHT_WEAK), 640, 480)).containsExactly(LEFT_STRONG);
	}

	@Test
	void appliesPerLabelSwitchesAndThresholdsGloballyAndPerCamera() {
		Detection car = new Detection("vehicle", 0.55, new BoundingBox(100, 100, 80, 60), null);
		Detection cat = new Detection("animal", 0.9, new BoundingBox(300, 300, 40, 30), null);
		// Globally animals are off (see properties()); the yard camera wants them, and
		// vehicles only when sure.
		DetectionProperties.Camera yard = new DetectionProperties.Camera(null, 0, List.of(), Map.of("animal",
				new DetectionProperties.Label(true, null), "vehicle", new DetectionProperties.Label(true, 0.8)));
		DetectionPolicy policy = new DetectionPolicy(properties(0.5, Map.of("yard", yard)));
		assertThat(policy.filter("street", List.of(LEFT_STRONG, car, cat), 640, 480)).containsExactly(LEFT_STRONG, car);
		assertThat(policy.filter("yard", List.of(LEFT_STRONG, car, cat), 640, 480)).containsExactly(LEFT_STRONG, cat);
	}

	@Test
	void appliesPerCameraThresholdAndMinimumBoxHeight() {
		DetectionPolicy policy = new DetectionPolicy(
				properties(0.6, Map.of("porch", new DetectionProperties.Camera(0.5, 50, List.of(), Map.of()))));
		assertThat(policy.filter("porch", List.of(LEFT_STRONG, RIGHT_WEAK, RIGHT_SMALL), 640, 480))
			.containsExactly(LEFT_STRONG, RIGHT_WEAK);
		assertThat(policy.filter("garden", List.of(LEFT_STRONG, RIGHT_WEAK, RIGHT_SMALL), 640, 480))
			.containsExactly(LEFT_STRONG, RIGHT_SMALL);
	}

	@Test
	void keepsOnlyPeopleStandingInsideAZone() {
		// The right half of the frame: the driveway, not the street on the left.
		DetectionPolicy policy = new DetectionPolicy(properties(0.5,
				Map.of("driveway", new DetectionProperties.Camera(null, 0, List.of("0.5,0 1,0 1,1 0.5,1"), Map.of()))));
		assertThat(policy.filter("driveway", List.of(LEFT_STRONG, RIGHT_WEAK), 640, 480)).containsExactly(RIGHT_WEAK);
	}

	@Test
	void thePlatformsSettingsOfACameraReplaceItsPropertiesAndATombstoneBringsThemBack() {
		// Properties: the driveway wants only its right half; the platform says the lower
		// half, people only above 0.6, no vehicles, boxes of at least 40 px.
		DetectionProperties.Camera local = new DetectionProperties.Camera(0.1, 0, List.of("0.5,0 1,0 1,1 0.5,1"),
				Map.of());
		PlatformCameraSettings platform = new PlatformCameraSettings(
				tools.jackson.databind.json.JsonMapper.builder().build(), null, null);
		DetectionPolicy policy = new DetectionPolicy(properties(0.5, Map.of("driveway", local)), platform);
		Detection lowLeft = person(0.65, 10, 300, 40, 100);
		Detection lowLeftWeak = person(0.55, 100, 300, 40, 100);
		Detection lowLeftTiny = person(0.9, 200, 400, 10, 30);
		Detection car = new Detection("vehicle", 0.9, new BoundingBox(100, 300, 80, 60), null);
		Detection upperRight = person(0.9, 500, 10, 40, 100);
		List<Detection> all = List.of(lowLeft, lowLeftWeak, lowLeftTiny, car, upperRight);
		assertThat(policy.filter("driveway", all, 640, 480)).containsExactly(upperRight);

		platform.apply("driveway",
				dev.vigil.contracts.ContractSamples.sample(dev.vigil.contracts.CameraSamples.DETECTION_DRIVEWAY)
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(policy.filter("driveway", all, 640, 480)).containsExactly(lowLeft);
		// Other cameras keep the properties.
		assertThat(policy.filter("street", all, 640, 480)).containsExactly(lowLeft, lowLeftWeak, lowLeftTiny, car,
				upperRight);

		platform.apply("driveway", null);
		assertThat(policy.filter("driveway", all, 640, 480)).containsExactly(upperRight);
	}

	@Test
	void refusesMalformedZonesNamingTheProperty() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DetectionPolicy(properties(0.5,
					Map.of("porch",
							new DetectionProperties.Camera(null, 0, List.of("0.1,0.1 2,0.5 0.3,0.9"), Map.of())))))
			.withMessageContaining("vigil.processing.detection.cameras.porch.zones")
			.withMessageContaining("outside 0..1");
	}

	@Test
	void suppressesOverlappingBoxesKeepingTheMostConfident() {
		Detection inner = person(0.7, 15, 210, 30, 80);
		Detection elsewhere = person(0.6, 300, 200, 40, 100);
		assertThat(NonMaxSuppression.apply(List.of(inner, LEFT_STRONG, elsewhere), 0.6)).containsExactly(LEFT_STRONG,
				elsewhere);
	}

	private static DetectionProperties properties(double minConfidence,
			Map<String, DetectionProperties.Camera> cameras) {
		return new DetectionProperties(DetectionProperties.Kind.HOG, minConfidence, 50, NanoDetProperties.defaults(),
				HogProperties.defaults(),
				new DetectionProperties.Http(null, java.time.Duration.ofSeconds(1), "http", "1"),
				Map.of("animal", new DetectionProperties.Label(false, null)), cameras);
	}

	private static Detection person(double confidence, int x, int y, int width, int height) {
		return new Detection("person", confidence, new BoundingBox(x, y, width, height), null);
	}

}
