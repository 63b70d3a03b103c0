package dev.vigil.bench.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vigil.bench.catalog.CatalogQueryBenchmark.Query;
import dev.vigil.bench.catalog.CatalogQueryBenchmark.QueryResult;
import dev.vigil.bench.catalog.CatalogQueryBenchmark.Seeding;
import dev.vigil.bench.catalog.CatalogQueryBenchmark.Settings;
import dev.vigil.bench.catalog.CatalogQueryBenchmark.TierResult;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogQueryReportTests {

	@Test
	void rendersTheReportOfTwoSizesAsBefore() throws IOException {
		String report = CatalogQueryReport.render("a test backend", Settings.QUICK, 12_345.6,
				List.of(tier(10_000, 10_000, 1), tier(98_000, 100_000, 10)));
		assertThat(report).isEqualTo(golden("catalog-report.md"));
	}

	@Test
	void leavesOutTheGrowthLineWithOneSize() throws IOException {
		String report = CatalogQueryReport.render("a test backend", Settings.QUICK, 12_345.6,
				List.of(tier(10_000, 10_000, 1)));
		assertThat(report).doesNotContain("Growth of *alone*").contains("| 10,000 |");
	}

	/** A size whose every figure is derived from its query's position and a factor. */
	private static TierResult tier(int size, int target, int factor) {
		Instant first = Instant.parse("2026-11-01T00:00:00Z");
		CatalogDataset.CameraSummary camera = new CatalogDataset.CameraSummary("cam-01", size, first,
				first.plus(Duration.ofDays(30)), first, first.plus(Duration.ofDays(30)));
		CatalogDataset.Summary summary = new CatalogDataset.Summary(size, size / 10, size / 5, size / 8, size / 3,
				List.of(camera), List.of("cam-01.abc"));
		Seeding seeding = new Seeding(summary, 0.8 * factor);
		List<QueryResult> queries = new ArrayList<>();
		for (Query query : Query.values()) {
			int n = query.ordinal() + 1;
			long[] latencies = new long[20 * n];
			for (int i = 0; i < latencies.length; i++) {
				latencies[i] = (i + 1) * 150_000L * n * factor;
			}
			PhaseResult result = PhaseResult.of(1000, n % 3, (n == 7) ? 2 : 0, n * 10, 2.0 + n / 10.0, latencies);
			double alone = (query == Query.PEOPLE && factor > 1) ? Double.NaN : 0.9 * n * factor;
			double settle = (query == Query.PEOPLE) ? 4.8 : 0.2 * n;
			queries.add(new QueryResult(query, alone, result, 0.25 * n, 0.5 * n, settle));
		}
		return new TierResult(size, target, summary, seeding, 0.1, queries);
	}

	private static String golden(String name) throws IOException {
		try (InputStream in = CatalogQueryReportTests.class.getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
