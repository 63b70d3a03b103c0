package dev.vigil.bench.ingest;

import java.util.Map;

import dev.vigil.bench.ingest.ProcessTreeSampler.Stat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessTreeSamplerTests {

	@Test
	void parsesStatLinesWhoseCommandHoldsSpacesAndParentheses() {
		String line = "4242 (my (odd) cmd) S 17 4242 4242 0 -1 4194560 500 0 0 0 120 35 7 3 20 0 1 0 100 1000 50 "
				+ "18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";

		Stat stat = Stat.parse(line).orElseThrow();

		assertThat(stat).isEqualTo(new Stat(4242, 17, 120, 35, 7, 3));
		assertThat(stat.ticksWithReapedChildren()).isEqualTo(165);
	}

	@Test
	void ignoresWhatIsNotAStatLine() {
		assertThat(Stat.parse("")).isEmpty();
		assertThat(Stat.parse("12 (x) S 1 2")).isEmpty();
	}

	@Test
	void treeIsTheRootAndAllItsDescendants() {
		Map<Long, Stat> stats = Map.of(1L, stat(1, 0), 10L, stat(10, 1), 11L, stat(11, 10), 12L, stat(12, 10), 13L,
				stat(13, 12), 20L, stat(20, 1));

		assertThat(ProcessTreeSampler.tree(10, stats)).startsWith(10L).containsExactlyInAnyOrder(10L, 11L, 12L, 13L);
		assertThat(ProcessTreeSampler.tree(20, stats)).containsExactly(20L);
	}

	@Test
	void samplesThisJvmWhichHasMemoryAndCpu() {
		long self = ProcessHandle.current().pid();
		try (ProcessTreeSampler sampler = ProcessTreeSampler.watch(self)) {
			assertThat(ProcessTreeSampler.treeRssKb(self)).isPositive();
			assertThat(sampler.cpuSeconds()).isNotNegative();
			assertThat(sampler.peakRssKb()).isPositive();
		}
	}

	private static Stat stat(long pid, long ppid) {
		return new Stat(pid, ppid, 0, 0, 0, 0);
	}

}
