package dev.vigil.processing.detect.eval;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoxMatchingTests {

	private static final Box PERSON = new Box(100, 100, 40, 100);

	private static final Box OTHER = new Box(300, 100, 40, 100);

	@Test
	void countsABoxOverlappingAPersonAtIouHalfAsAHit() {
		// 40 x 80 inside the 40 x 100 person: IoU 0.8.
		var counts = BoxMatching.match(List.of(found(0.9, 100, 110, 40, 80)), List.of(PERSON, OTHER), List.of(), 0.5,
				0.5);
		assertThat(counts).isEqualTo(new BoxMatching.Counts(1, 0, 1));
	}

	@Test
	void countsALooseBoxAsAFalseAlarmAndTheMiss() {
		// The window around the person, twice its size each way: IoU 0.25.
		var counts = BoxMatching.match(List.of(found(0.9, 80, 50, 80, 200)), List.of(PERSON), List.of(), 0.5, 0.5);
		assertThat(counts).isEqualTo(new BoxMatching.Counts(0, 1, 1));
	}

	@Test
	void countsASecondBoxOnTheSamePersonAsAFalseAlarm() {
		var counts = BoxMatching.match(List.of(found(0.9, 100, 100, 40, 100), found(0.6, 102, 104, 40, 96)),
				List.of(PERSON), List.of(), 0.5, 0.5);
		assertThat(counts).isEqualTo(new BoxMatching.Counts(1, 1, 0));
	}

	@Test
	void ignoresDetectionsOnDontCareRegionsAndBelowTheThreshold() {
		Box crowd = new Box(0, 0, 500, 60);
		var counts = BoxMatching.match(List.of(found(0.9, 20, 10, 20, 40), found(0.3, 100, 100, 40, 100)),
				List.of(PERSON), List.of(crowd), 0.5, 0.5);
		assertThat(counts).isEqualTo(new BoxMatching.Counts(0, 0, 1));
	}

	@Test
	void letsTheMostConfidentDetectionTakeThePerson() {
		var counts = BoxMatching.match(List.of(found(0.4, 100, 100, 40, 100), found(0.8, 101, 101, 40, 100)),
				List.of(PERSON), List.of(), 0.0, 0.5);
		assertThat(counts.hits()).isEqualTo(1);
		assertThat(counts.falseAlarms()).isEqualTo(1);
	}

	private static BoxMatching.Found found(double confidence, double x, double y, double w, double h) {
		return new BoxMatching.Found(confidence, new Box(x, y, w, h));
	}

}
