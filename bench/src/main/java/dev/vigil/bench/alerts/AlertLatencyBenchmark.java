package dev.vigil.bench.alerts;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

import dev.vigil.bench.report.BenchmarkReport;
import dev.vigil.bench.report.Machine;
import dev.vigil.bench.report.Percentiles;
import dev.vigil.bench.run.BenchRun;
import dev.vigil.bench.run.Benchmark;
import dev.vigil.bench.run.BenchmarkFailure;

/**
 * {@code ./vigil bench alerts}: cameras upload bursts of real person pictures at a pace
 * the pipeline sustains, each burst one motion event; per event the time from the
 * camera's first {@code 226} to the file processed (the baseline,
 * {@code media.processed}), to the {@code vigil/events} {@code new} message at a
 * subscriber of the real Mosquitto and to the signed webhook POST at a real receiver.
 * Then {@link AlertFault}: broker and receiver down during a round of uploads, back after
 * the outage; every event of that round must get its MQTT message and its webhook exactly
 * once.
 */
public final class AlertLatencyBenchmark implements Benchmark {

	@Override
	public String name() {
		return "alerts";
	}

	@Override
	public void run(BenchRun run) throws Exception {
		Size size = run.quick() ? new Size(6, 3, 3, Duration.ofSeconds(4), Duration.ofSeconds(20))
				: new Size(10, 6, 4, Duration.ofSeconds(6), Duration.ofSeconds(60));
		int cores = Runtime.getRuntime().availableProcessors();
		String loadAtStart = Machine.loadAverage();
		AlertPhase steady;
		AlertPhase outage;
		long started = System.nanoTime();
		System.out.printf(Locale.ROOT, "alerts: starting devstack, Mosquitto and platform (%d cameras)%n",
				size.cameras());
		try (AlertLab lab = AlertLab.start(run.work(), run.media(), new AlertLab.Settings(size.cameras(), cores))) {
			System.out.printf(Locale.ROOT, "alerts: platform ready after %d s%n",
					Duration.ofNanos(System.nanoTime() - started).toSeconds());
			steady = AlertPhase.steady(lab, 0, size.rounds(), size.filesPerCamera(), size.pace(), AlertFault.BOUND);
			outage = AlertPhase.outage(lab, size.rounds(), size.filesPerCamera(), size.pace(), size.outage(),
					AlertFault.BOUND);
		}
		report(run, size, cores, steady, outage, loadAtStart, Machine.loadAverage());
		List<String> problems = new ArrayList<>();
		steady.problems().forEach((p) -> problems.add("steady: " + p));
		outage.problems().forEach((p) -> problems.add("outage: " + p));
		if (!problems.isEmpty()) {
			throw new BenchmarkFailure(String.join("; ", problems));
		}
	}

	private static void report(BenchRun run, Size size, int cores, AlertPhase steady, AlertPhase outage,
			String loadAtStart, String loadAtEnd) throws IOException {
		List<AlertOutcome> events = steady.outcomes();
		StringBuilder body = new StringBuilder();
		body.append(String.format(Locale.ROOT,
				"%d cameras upload the real `person.jpg` (made unique per upload) over FTP to the edge, each "
						+ "camera one picture every %d s (%.1f files/s in all, below the e2e benchmark's sustained "
						+ "rate), %d pictures per camera per round, %d rounds; each round of a camera is one motion "
						+ "event with a person. catalog-api, processing-service (its default detector, NanoDet-m, concurrency %d), the "
						+ "edge and notification-service run from their jars (`-Xmx256m` each) on a private devstack "
						+ "with a real Mosquitto (a password per client); notification-service runs with its "
						+ "defaults (MQTT on, delivery poll 200 ms, back-off 1 s doubling to 60 s) and one rule "
						+ "(person, any camera, no cooldown) sending to a webhook channel. A subscriber like Home "
						+ "Assistant (read-only account, QoS 1, persistent session) listens on `vigil/events`; the "
						+ "webhook receiver checks every signature. Times run from the camera's first `226` of the "
						+ "event to: its first file processed (`media.processed` record timestamp, the baseline), "
						+ "the `new` message at the subscriber, the webhook POST at the receiver.%n%n",
				size.cameras(), size.pace().toSeconds(), size.cameras() / (double) size.pace().toSeconds(),
				size.filesPerCamera(), size.rounds(), cores));
		body.append(String.format(Locale.ROOT, "### Alert latency (%d events)%n%n", events.size()));
		List<List<String>> rows = new ArrayList<>();
		rows.add(row("226 → first file processed (baseline)", events, (o) -> o.since226(o.processedAt())));
		rows.add(row("226 → `vigil/events` `new` at the subscriber", events, (o) -> o.since226(o.mqttAt())));
		rows.add(row("226 → webhook POST received", events, (o) -> o.since226(o.webhookAt())));
		rows.add(row("processed → `vigil/events` `new`", events, (o) -> o.sinceProcessed(o.mqttAt())));
		rows.add(row("processed → webhook POST", events, (o) -> o.sinceProcessed(o.webhookAt())));
		body.append(BenchmarkReport.table(List.of("stage", "events", "p50", "p95", "p99", "max"), rows));
		body.append(String.format(Locale.ROOT,
				"%nThe issue's target is p99 < 2 s after processing (the last two rows). *Processed* is the "
						+ "first of the event's files; the alert needs the catalog to record the detection, "
						+ "relay it through its outbox (every 250 ms) and notification-service to pick it up.%n%n"));
		body.append(AlertFault.section(outage, size.cameras(), size.filesPerCamera(), size.outage()));
		List<String> problems = new ArrayList<>(steady.problems());
		problems.addAll(outage.problems());
		if (!problems.isEmpty()) {
			body.append("\nProblems: ").append(String.join("; ", problems)).append('\n');
		}
		body.append(String.format(Locale.ROOT,
				"%nThe machine has %d cores shared by every service, the devstack, the bench and whatever else runs "
						+ "there: load average (1 min) %s at the start, %s at the end.%n",
				cores, loadAtStart, loadAtEnd));
		run.write("alerts", "Alert latency: camera upload to MQTT and webhook", body.toString());
	}

	private static List<String> row(String stage, List<AlertOutcome> events, ToLongFunction<AlertOutcome> millis) {
		List<Long> values = new ArrayList<>();
		for (AlertOutcome event : events) {
			long value = millis.applyAsLong(event);
			if (value >= 0) {
				values.add(value);
			}
		}
		List<String> row = new ArrayList<>();
		row.add(stage);
		row.addAll(Percentiles.of(values).cells());
		return row;
	}

	/**
	 * How big a run is.
	 *
	 * @param cameras cameras
	 * @param rounds rounds without a fault
	 * @param filesPerCamera pictures per camera per round
	 * @param pace between one camera's uploads
	 * @param outage how long broker and receiver are down
	 */
	private record Size(int cameras, int rounds, int filesPerCamera, Duration pace, Duration outage) {

	}

}
