package dev.vigil.catalog.event;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StitchingTests {

	private static final Duration GAP = Duration.ofSeconds(60);

	private static final Instant T0 = Instant.parse("2016-08-30T13:51:37Z");

	@Test
	void joinsUploadsExactlyOneGapApart() {
		List<List<Instant>> events = split(List.of(T0, T0.plus(GAP), T0.plus(GAP).plus(GAP)));
		assertThat(events).hasSize(1);
		assertThat(events.getFirst()).hasSize(3);
	}

	@Test
	void splitsUploadsOneMillisecondMoreThanAGapApart() {
		List<List<Instant>> events = split(List.of(T0, T0.plus(GAP).plusMillis(1)));
		assertThat(events).containsExactly(List.of(T0), List.of(T0.plus(GAP).plusMillis(1)));
	}

	@Test
	void aLateUploadBridgesTwoEventsIntoOne() {
		Instant late = T0.plusSeconds(50);
		assertThat(split(List.of(T0, T0.plusSeconds(100)))).hasSize(2);
		assertThat(split(List.of(T0, T0.plusSeconds(100), late))).hasSize(1);
	}

	@Test
	void givesTheSameEventsInEveryArrivalOrder() {
		List<Instant> times = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			times.add(T0.plusSeconds(i * 17L + ((i % 7 == 0) ? 90 : 0)));
		}
		List<List<Instant>> expected = split(times);
		Random random = new Random(42);
		for (int round = 0; round < 20; round++) {
			List<Instant> shuffled = new ArrayList<>(times);
			Collections.shuffle(shuffled, random);
			assertThat(split(shuffled)).isEqualTo(expected);
		}
	}

	@Test
	void namesAnEventByCameraAndStart() {
		assertThat(Stitching.eventId("driveway", T0)).isEqualTo("driveway.1472565097000");
	}

	private static List<List<Instant>> split(List<Instant> times) {
		return Stitching.split(times, (t) -> t, Comparator.naturalOrder(), GAP);
	}

}
