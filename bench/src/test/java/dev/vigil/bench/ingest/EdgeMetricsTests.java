package dev.vigil.bench.ingest;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class EdgeMetricsTests {

	@Test
	void sumsEveryKindOfTheCounter() throws IOException {
		String exposition = """
				# HELP vigil_ingest_spool_fsyncs_total fsyncs by the spool
				# TYPE vigil_ingest_spool_fsyncs_total counter
				vigil_ingest_spool_fsyncs_total{application="ingest-service",kind="content"} 420.0
				vigil_ingest_spool_fsyncs_total{application="ingest-service",kind="directory"} 37.0
				vigil_ingest_spool_fsyncs_total{application="ingest-service",kind="journal"} 41.0
				vigil_ingest_spool_fsyncs_totally_different 5.0
				""";
		assertThat(EdgeMetrics.sum(exposition, "vigil_ingest_spool_fsyncs_total")).isEqualTo(498.0);
	}

	@Test
	void refusesToReportZeroWhenTheCounterIsMissing() {
		assertThatIOException().isThrownBy(() -> EdgeMetrics.sum("up 1.0\n", "vigil_ingest_spool_fsyncs_total"));
	}

}
