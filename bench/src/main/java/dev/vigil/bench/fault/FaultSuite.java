package dev.vigil.bench.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.vigil.bench.alerts.AlertFault;
import dev.vigil.bench.report.BenchmarkReport;
import dev.vigil.bench.run.BenchRun;
import dev.vigil.bench.run.Benchmark;
import dev.vigil.bench.run.BenchmarkFailure;
import org.jspecify.annotations.Nullable;

/**
 * {@code ./vigil bench quick|full faults}: the fault suite. One platform (catalog-api,
 * ingest-service and, in the full run, processing-service) on a private devstack; each
 * scenario makes five cameras upload while a fault happens, heals the platform, waits
 * (bounded) until it has drained, and checks that every file a camera was told was stored
 * is in S3 and in the catalog, once. Quick runs the S3 outage and the edge killed
 * mid-drain, with a short outage. Then, on a platform of its own, {@link AlertFault}: the
 * MQTT broker and the webhook receiver down during a burst, every alert once afterwards.
 */
public final class FaultSuite implements Benchmark {

	private static final Duration CONVERGE_BOUND = Duration.ofMinutes(3);

	@Override
	public String name() {
		return "faults";
	}

	@Override
	public void run(BenchRun run) throws Exception {
		Map<FaultScenario, Duration> scenarios = scenarios(run.quick());
		FaultLab.Settings settings = new FaultLab.Settings(5, run.quick() ? 6 : 8,
				scenarios.containsKey(FaultScenario.PROCESSING_KILLED), CONVERGE_BOUND, Duration.ofMinutes(3), "2MB");
		List<ScenarioResult> results = new ArrayList<>();
		long started = System.nanoTime();
		try (FaultLab lab = FaultLab.start(run.work(), run.mediaPool(), settings)) {
			System.out.printf(Locale.ROOT, "platform up in %d s%n",
					Duration.ofNanos(System.nanoTime() - started).toSeconds());
			for (Map.Entry<FaultScenario, Duration> scenario : scenarios.entrySet()) {
				System.out.printf(Locale.ROOT, "-- %s (%d s)%n", scenario.getKey().title(),
						scenario.getValue().toSeconds());
				ScenarioResult result = lab.run(scenario.getKey(), scenario.getValue());
				results.add(result);
				System.out.printf(Locale.ROOT,
						"   %s: %d uploaded, %d accepted, %d refused, %d in S3, %d in catalog, "
								+ "%d duplicates, converged %s%n",
						result.passed() ? "PASS" : "FAIL", result.uploaded(), result.accepted(), result.refused(),
						result.inStore(), result.inCatalog(), result.duplicates(), seconds(result.converged()));
				result.failures().forEach((failure) -> System.out.println("   ! " + failure));
				result.notes().forEach((note) -> System.out.println("   - " + note));
			}
		}
		System.out.println("-- MQTT broker and webhook receiver down during a burst");
		AlertFault.Result alerts = AlertFault.run(run.work().resolve("alert-outage"), run.media(), run.quick());
		System.out.printf(Locale.ROOT, "   %s%n", alerts.passed() ? "PASS" : "FAIL");
		alerts.problems().forEach((problem) -> System.out.println("   ! " + problem));
		String table = table(results);
		System.out.println();
		System.out.println(table);
		run.write(name(), "Fault suite", body(run, settings, scenarios, table, results) + '\n' + alerts.section());
		List<String> failed = new ArrayList<>(results.stream()
			.filter((result) -> !result.passed())
			.map((result) -> result.scenario().title() + ": " + String.join("; ", result.failures()))
			.toList());
		if (!alerts.passed()) {
			failed.add("MQTT broker and webhook receiver down: " + String.join("; ", alerts.problems()));
		}
		if (!failed.isEmpty()) {
			throw new BenchmarkFailure("Fault scenarios failed: " + String.join(" | ", failed));
		}
	}

	/**
	 * The scenarios of a run and their outages.
	 * @param quick the quick subset with short outages
	 * @return scenario → outage, in run order
	 */
	static Map<FaultScenario, Duration> scenarios(boolean quick) {
		Map<FaultScenario, Duration> scenarios = new LinkedHashMap<>();
		if (quick) {
			scenarios.put(FaultScenario.S3_DOWN, Duration.ofSeconds(15));
			scenarios.put(FaultScenario.EDGE_KILLED_MID_DRAIN, Duration.ZERO);
			return scenarios;
		}
		// First: it waits for processing too, which must not start behind the backlog of
		// every other scenario's uploads (about a second per JPEG on a loaded 2-core
		// box).
		scenarios.put(FaultScenario.PROCESSING_KILLED, Duration.ofSeconds(10));
		scenarios.put(FaultScenario.S3_DOWN, Duration.ofSeconds(60));
		scenarios.put(FaultScenario.KAFKA_DOWN, Duration.ofSeconds(30));
		scenarios.put(FaultScenario.MONGO_DOWN, Duration.ofSeconds(30));
		scenarios.put(FaultScenario.CATALOG_KILLED, Duration.ofSeconds(10));
		scenarios.put(FaultScenario.EDGE_KILLED_MID_DRAIN, Duration.ZERO);
		scenarios.put(FaultScenario.EDGE_SPOOL_FULL, Duration.ZERO);
		return scenarios;
	}

	static String table(List<ScenarioResult> results) {
		List<List<String>> rows = new ArrayList<>();
		for (ScenarioResult result : results) {
			rows.add(List.of(result.scenario().title(), Integer.toString(result.uploaded()),
					Integer.toString(result.accepted()), Integer.toString(result.refused()),
					Integer.toString(result.inStore()), Integer.toString(result.inCatalog()),
					Integer.toString(result.duplicates()), seconds(result.converged()),
					result.passed() ? "PASS" : "**FAIL**"));
		}
		return BenchmarkReport.table(List.of("scenario", "uploaded", "accepted (226)", "refused", "in S3", "in catalog",
				"duplicates", "time to converge", "result"), rows);
	}

	private static String body(BenchRun run, FaultLab.Settings settings, Map<FaultScenario, Duration> scenarios,
			String table, List<ScenarioResult> results) {
		StringBuilder body = new StringBuilder();
		body.append(String.format(Locale.ROOT, """
				One platform on a private devstack (real Kafka, S3Proxy, MongoDB wire server, Redis):
				catalog-api and ingest-service%s from their jars, the edge retrying with at most 2 s
				back-off. In each scenario %d cameras upload bursts of %d unique real JPEG snapshots
				over FTP: the fault begins 0.3 s into a first burst, a second burst runs during it,
				then the platform is healed and the suite polls (every second, at most %d s) until every
				file answered 226 is in S3 and indexed in the catalog. *In S3* counts accepted files
				whose original (content-addressed key) was read back and hashed to the camera's
				SHA-256; *in catalog* counts documents of the catalog's `media` collection (id = SHA-256)
				with the upload applied. *Duplicates* are objects or documents beyond one per hash.
				Refusals must be 4xx/5xx replies; only the high-water scenario may refuse at all.
				Time to converge runs from the healing (restart ready, component started) to the
				last file found.

				""", settings.processing() ? " and processing-service" : "", settings.cameras(),
				settings.filesPerCamera(), CONVERGE_BOUND.toSeconds()));
		body.append("| scenario | fault |\n|---|---|\n");
		scenarios.forEach((scenario, outage) -> body.append("| ")
			.append(scenario.title())
			.append(" | ")
			.append(describe(scenario, outage, settings))
			.append(" |\n"));
		body.append('\n').append(table).append('\n');
		for (ScenarioResult result : results) {
			body.append("- ").append(result.scenario().title()).append(": ");
			List<String> lines = new ArrayList<>(result.failures());
			lines.addAll(result.notes());
			body.append(String.join("; ", lines)).append('\n');
		}
		if (run.quick()) {
			body.append("\nQuick runs two scenarios with a 15 s outage; `./vigil bench full faults` runs all seven.\n");
		}
		return body.toString();
	}

	private static String describe(FaultScenario scenario, Duration outage, FaultLab.Settings settings) {
		return switch (scenario) {
			case S3_DOWN, KAFKA_DOWN, MONGO_DOWN -> "component stopped for " + outage.toSeconds() + " s, then started";
			case PROCESSING_KILLED, CATALOG_KILLED ->
				"`kill -9` mid-burst, down at least " + outage.toSeconds() + " s, restarted";
			case EDGE_KILLED_MID_DRAIN -> "S3 stopped during both bursts so the spool holds them; S3 started; edge "
					+ "`kill -9` as soon as the spool shrinks; edge restarted";
			case EDGE_SPOOL_FULL -> "a second edge with `vigil.ingest.spool.max-size=" + settings.smallSpool()
					+ "`, S3 stopped during one burst, then started";
		};
	}

	private static String seconds(@Nullable Duration duration) {
		return (duration == null) ? "—" : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1e3);
	}

}
