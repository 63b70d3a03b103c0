package dev.vigil.bench.catalog;

import java.util.ArrayList;
import java.util.List;
import java.lang.management.ManagementFactory;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.vigil.bench.catalog.CatalogQueryBenchmark.Query;
import dev.vigil.bench.catalog.CatalogQueryBenchmark.QueryResult;
import dev.vigil.bench.catalog.CatalogQueryBenchmark.Settings;
import dev.vigil.bench.catalog.CatalogQueryBenchmark.TierResult;
import dev.vigil.bench.report.BenchmarkReport;

/**
 * The Markdown report of {@code ./vigil bench catalog}: how it was measured, the seeding
 * table, the query table and the growth between the two sizes.
 */
final class CatalogQueryReport {

	private CatalogQueryReport() {
	}

	static String render(String backend, Settings settings, double calibration, List<TierResult> tiers) {
		return method(backend, settings) + seeding(settings, calibration, tiers) + queries(settings, tiers)
				+ growth(tiers) + realMongo();
	}

	/**
	 * The backend line: a real {@code mongod}, or the in-memory wire server and this JVM.
	 */
	static String backend(@Nullable String external, String database) {
		return (external != null) ? "MongoDB at " + external + " (database " + database + ")"
				: "mongo-java-server 1.47.0 with the memory backend, no oplog (the devstack's wire server "
						+ "with its H2 file backend and oplog seeds and scans about ten times slower), inside the bench "
						+ "JVM (" + jvm() + "): secondary indexes are accepted but **not "
						+ "used**, every query except by `_id` scans the collection, and it runs one operation at a time "
						+ "per collection (`handleQuery` is `synchronized`), so a query's *alone* time caps that "
						+ "collection's throughput at about 1/*alone* however many cores there are";
	}

	private static String jvm() {
		return String.format(Locale.ROOT, "JDK %s, max heap %d MiB, %s", System.getProperty("java.version"),
				Runtime.getRuntime().maxMemory() >> 20,
				ManagementFactory.getRuntimeMXBean()
					.getInputArguments()
					.stream()
					.filter((arg) -> arg.startsWith("-XX:+Use"))
					.findFirst()
					.orElse("default GC"));
	}

	/** The catalog, the backend and how each query is offered. */
	private static String method(String backend, Settings settings) {
		StringBuilder out = new StringBuilder();
		out.append("catalog-api (`-Xmx512m`, rate limit off, retention off, hot-list cache on at its default 10 s, ")
			.append("so `newest of a camera` is mostly answered from Redis) with identity-service tokens, on a ")
			.append("catalog seeded straight into MongoDB in catalog-api's schema: 20 cameras (the busiest with 3× ")
			.append("the media of the quietest), events of 1–5 media (3 on average) more than the 60 s stitching ")
			.append("gap apart, capture times over 30 days, ~10 % videos, ~20 % of media with a person detection ")
			.append("(confidences bimodal around 0.86 and 0.38). Backend: ")
			.append(backend)
			.append(".\n\n");
		out.append(String.format(Locale.ROOT,
				"*alone*: median of three requests with nothing else in flight (one when it takes over 2 s; bounded at %d s). Then each query is offered at "
						+ "**%d req/s** for %d s, open loop (request *i* is due at *i*/%d s, latency counted from "
						+ "then), at most %d in flight (a due request that finds the bound reached is not sent: "
						+ "*dropped*), %d s timeout per request, loopback HTTP/1.1. Percentiles are over the 2xx "
						+ "answers; *achieved* is 2xx answers per second of the phase (until the last answer). CPU "
						+ "is cores busy during the phase: catalog-api, and the bench JVM (MongoDB wire server + "
						+ "load generator). *settled*: seconds until catalog-api answered a media by id within 200 ms "
						+ "again (bounded at %d s): queries whose client gave up still run to the end in the "
						+ "service and the database, and a phase that did not settle weighs on the next.%n%n",
				CatalogQueryBenchmark.ALONE_TIMEOUT.toSeconds(), CatalogQueryBenchmark.RATE,
				settings.phase().toSeconds(), CatalogQueryBenchmark.RATE, CatalogQueryBenchmark.MAX_IN_FLIGHT,
				CatalogQueryBenchmark.REQUEST_TIMEOUT.toSeconds(), settings.settleLimit().toSeconds()));
		return out.toString();
	}

	/** How each size was seeded, with its table. */
	private static String seeding(Settings settings, double calibration, List<TierResult> tiers) {
		StringBuilder out = new StringBuilder();
		List<List<String>> seeding = new ArrayList<>();
		for (TierResult tier : tiers) {
			CatalogDataset.Summary s = tier.summary();
			seeding.add(List.of(String.format(Locale.ROOT, "%,d", tier.target()),
					String.format(Locale.ROOT, "%,d", tier.size()), String.format(Locale.ROOT, "%,d", s.events()),
					String.format(Locale.ROOT, "%.1f %%", 100.0 * s.videos() / s.media()),
					String.format(Locale.ROOT, "%.1f %% (%.1f %% ≥ 0.6)", 100.0 * s.withPerson() / s.media(),
							100.0 * s.personAtLeast06() / s.media()),
					String.format(Locale.ROOT, "%.1f s", tier.seeding().seconds()),
					String.format(Locale.ROOT, "%,.0f", tier.seeding().documentsPerSecond()),
					String.format(Locale.ROOT, "%,.0f", tier.seeding().mediaPerSecond())));
		}
		out.append(String.format(Locale.ROOT,
				"Seeding: driver `insertMany`, unordered, batches of %d; media and events, then cameras; "
						+ "collections dropped before each size. A calibration seeding of %,d media ran at %,.0f "
						+ "media/s; each size is the target cut to what half the seeding rate measured just before "
						+ "fits into the size's seeding budget (%s), rounded down to two digits; seeding is given up "
						+ "after twice the budget.%n%n",
				CatalogSeeding.BATCH, CatalogQueryBenchmark.CALIBRATION, calibration,
				String.join(", ",
						settings.tiers()
							.stream()
							.map((t) -> String.format(Locale.ROOT, "%,d: %d s", t.target(), t.seedBudget().toSeconds()))
							.toList())));
		out.append(BenchmarkReport.table(List.of("target media", "seeded media", "events", "videos", "with person",
				"seeding took", "documents/s", "media/s"), seeding));
		out.append('\n');
		return out.toString();
	}

	/** The table of every query at every size. */
	private static String queries(Settings settings, List<TierResult> tiers) {
		StringBuilder out = new StringBuilder();
		List<List<String>> rows = new ArrayList<>();
		for (Query query : Query.values()) {
			for (TierResult tier : tiers) {
				QueryResult q = tier.queries().stream().filter((r) -> r.query() == query).findFirst().orElseThrow();
				PhaseResult r = q.result();
				rows.add(List.of(query.label(), "`" + query.example() + "`",
						String.format(Locale.ROOT, "%,d", tier.size()), PhaseResult.cell(q.aloneMillis()),
						String.format(Locale.ROOT, "%.1f", r.achievedPerSecond()),
						PhaseResult.cell(r.percentileMillis(50)), PhaseResult.cell(r.percentileMillis(99)),
						PhaseResult.cell(r.maxMillis()), Integer.toString(r.errors()), Integer.toString(r.timeouts()),
						String.format(Locale.ROOT, "%,d", r.dropped()),
						String.format(Locale.ROOT, "%.2f / %.2f", q.catalogCores(), q.benchCores()),
						(q.settleSeconds() >= settings.settleLimit().toSeconds() - 0.5)
								? String.format(Locale.ROOT, "no (%.0f s)", q.settleSeconds())
								: String.format(Locale.ROOT, "%.1f s", q.settleSeconds())));
			}
		}
		out.append(BenchmarkReport.table(List.of("query", "request", "media", "alone ms", "achieved req/s", "p50 ms",
				"p99 ms", "max ms", "errors", "timeouts", "dropped", "CPU catalog / bench", "settled"), rows));
		out.append('\n');
		return out.toString();
	}

	/** With two sizes: how much slower each query got alone. */
	private static String growth(List<TierResult> tiers) {
		StringBuilder out = new StringBuilder();
		if (tiers.size() == 2) {
			out.append(String.format(Locale.ROOT, "Growth of *alone* from %,d to %,d media (×%.0f data): ",
					tiers.get(0).size(), tiers.get(1).size(), (double) tiers.get(1).size() / tiers.get(0).size()));
			List<String> growth = new ArrayList<>();
			for (Query query : Query.values()) {
				double small = tiers.get(0).alone(query);
				double large = tiers.get(1).alone(query);
				growth.add(query.label() + " " + ((Double.isNaN(small) || Double.isNaN(large) || small <= 0) ? "–"
						: String.format(Locale.ROOT, "×%.1f", large / small)));
			}
			out.append(String.join(", ", growth)).append(".\n\n");
		}
		return out.toString();
	}

	/** How to measure against a real {@code mongod}. */
	private static String realMongo() {
		StringBuilder out = new StringBuilder();
		out.append("Figures for real MongoDB (where the indexes of `CatalogIndexes` are used) need a `mongod` on ")
			.append("loopback, e.g. `docker run -d -p 127.0.0.1:27017:27017 mongo:8.0.13` (the image of ")
			.append("`docker-compose.yml`), then `VIGIL_BENCH_MONGO_URI=mongodb://127.0.0.1:27017 ./vigil bench full ")
			.append("catalog`; a non-loopback URI is refused. The bench then uses and drops database `")
			.append(CatalogQueryBenchmark.EXTERNAL_DATABASE)
			.append("` and restarts catalog-api after each seeding so that it creates its indexes.\n");
		return out.toString();
	}

}
