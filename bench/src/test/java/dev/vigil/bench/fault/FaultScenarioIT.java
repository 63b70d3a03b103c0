package dev.vigil.bench.fault;

import java.nio.file.Path;
import java.time.Duration;

import dev.vigil.bench.sim.MediaPool;
import dev.vigil.devstack.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One fault scenario through the suite's own code: S3 stops while cameras upload, comes
 * back, and every file the cameras were told was stored ends up in S3 and the catalog
 * exactly once. It stops a component, so it runs on a private devstack of its own rather
 * than the shared one the other ITs use.
 */
class FaultScenarioIT {

	@TempDir
	Path work;

	@Test
	void filesTakenDuringAnS3OutageAreAllStoredOnce() throws Exception {
		FaultLab.Settings settings = new FaultLab.Settings(3, 4, false, Duration.ofSeconds(90), Duration.ofMinutes(1),
				"2MB");
		try (FaultLab lab = FaultLab.start(this.work, MediaPool.load(TestMedia.root()), settings)) {
			ScenarioResult result = lab.run(FaultScenario.S3_DOWN, Duration.ofSeconds(8));
			assertThat(result.failures()).as("failures (notes: %s)", result.notes()).isEmpty();
			assertThat(result.accepted()).isEqualTo(24);
			assertThat(result.inStore()).isEqualTo(24);
			assertThat(result.inCatalog()).isEqualTo(24);
			assertThat(result.duplicates()).isZero();
		}
	}

}
