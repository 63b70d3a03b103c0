package dev.vigil.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import dev.vigil.bench.plot.LinePlot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PercentilesTests {

	@Test
	void nearestRankOfOneToHundred() {
		Percentiles percentiles = Percentiles.of(LongStream.rangeClosed(1, 100).boxed().toList().reversed());

		assertThat(percentiles.at(50)).isEqualTo(50);
		assertThat(percentiles.at(95)).isEqualTo(95);
		assertThat(percentiles.at(99)).isEqualTo(99);
		assertThat(percentiles.max()).isEqualTo(100);
		assertThat(percentiles.at(0.1)).isEqualTo(1);
	}

	@Test
	void smallSetsRoundUpToTheNextValue() {
		Percentiles percentiles = Percentiles.of(List.of(30L, 10L, 20L));

		assertThat(percentiles.at(50)).isEqualTo(20);
		assertThat(percentiles.at(99)).isEqualTo(30);
		assertThat(percentiles.cells()).containsExactly("3", "0.020 s", "0.030 s", "0.030 s", "0.030 s");
	}

	@Test
	void emptySetHasDashesAndNoValues() {
		Percentiles empty = Percentiles.of(List.of());

		assertThat(empty.cells()).containsExactly("0", "–", "–", "–", "–");
		assertThat(empty.cdf(10)).isEmpty();
		assertThatIllegalStateException().isThrownBy(() -> empty.at(50));
	}

	@Test
	void cdfIsBoundedAscendingAndEndsAtOne() {
		List<Long> values = new ArrayList<>(LongStream.range(0, 1000).boxed().toList());
		List<LinePlot.Point> cdf = Percentiles.of(values).cdf(50);

		assertThat(cdf).hasSizeLessThanOrEqualTo(50);
		assertThat(cdf.getFirst().x()).isEqualTo(0.001);
		assertThat(cdf.getLast().x()).isEqualTo(0.999);
		assertThat(cdf.getLast().y()).isEqualTo(1.0);
		for (int i = 1; i < cdf.size(); i++) {
			assertThat(cdf.get(i).x()).isGreaterThanOrEqualTo(cdf.get(i - 1).x());
			assertThat(cdf.get(i).y()).isGreaterThan(cdf.get(i - 1).y());
		}
	}

	@Test
	void secondsKeepMillisecondsBelowTenSeconds() {
		assertThat(Percentiles.seconds(42)).isEqualTo("0.042 s");
		assertThat(Percentiles.seconds(123_456)).isEqualTo("123.5 s");
	}

}
