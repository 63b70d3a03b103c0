package dev.vigil.bench.catalog;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LoadScheduleTests {

	@Test
	void offersRateTimesLengthRequestsAtExactOffsets() {
		RateSchedule schedule = new RateSchedule(500, Duration.ofSeconds(20));
		assertThat(schedule.count()).isEqualTo(10_000);
		assertThat(schedule.dueNanos(0)).isZero();
		assertThat(schedule.dueNanos(1)).isEqualTo(2_000_000);
		assertThat(schedule.dueNanos(500)).isEqualTo(1_000_000_000L);
		// No drift accumulates over a long phase.
		assertThat(schedule.dueNanos(9_999)).isEqualTo(19_998_000_000L);
	}

	@Test
	void unevenRatesStayMonotonicAndExact() {
		RateSchedule schedule = new RateSchedule(3, Duration.ofMillis(2_500));
		assertThat(schedule.count()).isEqualTo(7);
		assertThat(schedule.dueNanos(1)).isEqualTo(333_333_333);
		assertThat(schedule.dueNanos(3)).isEqualTo(1_000_000_000L);
		for (int i = 1; i < schedule.count(); i++) {
			assertThat(schedule.dueNanos(i)).isGreaterThan(schedule.dueNanos(i - 1));
		}
	}

	@Test
	void refusesNonsense() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RateSchedule(0, Duration.ofSeconds(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new RateSchedule(10, Duration.ZERO));
	}

	@Test
	void percentilesAreNearestRankOverSuccessfulAnswers() {
		long[] latencies = new long[100];
		for (int i = 0; i < 100; i++) {
			latencies[i] = (100 - i) * 1_000_000L;
		}
		PhaseResult result = PhaseResult.of(150, 3, 2, 45, 20.0, latencies);
		assertThat(result.ok()).isEqualTo(100);
		assertThat(result.percentileMillis(50)).isEqualTo(50.0);
		assertThat(result.percentileMillis(99)).isEqualTo(99.0);
		assertThat(result.maxMillis()).isEqualTo(100.0);
		assertThat(result.achievedPerSecond()).isEqualTo(5.0);
	}

	@Test
	void nothingSucceededReadsAsADash() {
		PhaseResult result = PhaseResult.of(10, 0, 4, 6, 5.0, new long[0]);
		assertThat(result.percentileMillis(50)).isNaN();
		assertThat(PhaseResult.cell(result.percentileMillis(99))).isEqualTo("–");
		assertThat(PhaseResult.cell(3.14159)).isEqualTo("3.1");
		assertThat(PhaseResult.cell(1520.4)).isEqualTo("1520");
	}

	@Test
	void catalogSizesAreCutToTwoSignificantDigits() {
		assertThat(CatalogQueryBenchmark.roundDown(73_456.7)).isEqualTo(73_000);
		assertThat(CatalogQueryBenchmark.roundDown(1_234_567)).isEqualTo(1_200_000);
		assertThat(CatalogQueryBenchmark.roundDown(99)).isEqualTo(1_000);
		assertThat(CatalogQueryBenchmark.roundDown(100_000)).isEqualTo(100_000);
	}

}
