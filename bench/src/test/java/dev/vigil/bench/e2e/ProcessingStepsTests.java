package dev.vigil.bench.e2e;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessingStepsTests {

	@Test
	void meanPerStepAndDetectorBetweenTwoSnapshots() {
		ProcessingSteps before = ProcessingSteps.parse("""
				vigil_processing_step_seconds_count{application="processing-service",step="decode"} 2
				vigil_processing_step_seconds_sum{application="processing-service",step="decode"} 0.1
				""");
		ProcessingSteps after = ProcessingSteps.parse("""
				# HELP vigil_processing_step_seconds Time spent per processing step
				vigil_processing_step_seconds_count{application="processing-service",step="decode"} 12
				vigil_processing_step_seconds_sum{application="processing-service",step="decode"} 0.4
				vigil_processing_step_seconds_max{application="processing-service",step="decode"} 0.2
				vigil_processing_detector_latency_seconds_count{application="processing-service",detector="nanodet-m"} 4
				vigil_processing_detector_latency_seconds_sum{application="processing-service",detector="nanodet-m"} 0.2
				vigil_processing_step_seconds_count{application="processing-service",step="upload"} 0
				""");
		assertThat(after.since(before)).containsExactly(List.of("decode", "10", "30.0"),
				List.of("detect (nanodet-m)", "4", "50.0"));
	}

	@Test
	void noTimersNoRows() {
		assertThat(ProcessingSteps.parse("up 1\n").since(ProcessingSteps.parse(""))).isEmpty();
	}

}
