package dev.vigil.bench.alerts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import dev.vigil.bench.report.BenchmarkReport;
import dev.vigil.bench.report.Percentiles;

/**
 * The alert fault scenario of issue #17: the MQTT broker and the webhook receiver down
 * during a burst of uploads; when both return every due alert must arrive once, none
 * twice. {@code ./vigil bench faults} runs it on a lab of its own;
 * {@code ./vigil bench alerts} runs the same phase after its steady rounds. Both report
 * it with {@link #section}.
 */
public final class AlertFault {

	static final Duration BOUND = Duration.ofMinutes(5);

	private AlertFault() {
	}

	/**
	 * What the scenario found.
	 *
	 * @param section the report's markdown (heading, table, how it ran)
	 * @param problems lost, repeated or unmatched alerts; empty when it passed
	 */
	public record Result(String section, List<String> problems) {

		public boolean passed() {
			return this.problems.isEmpty();
		}

	}

	/**
	 * Starts an alert lab (private devstack, Mosquitto, the services) and runs the outage
	 * as the first round.
	 * @param work directory for the lab
	 * @param media the real test media
	 * @param quick 4 cameras and a 20 s outage, else 6 cameras and 60 s
	 * @return the result
	 * @throws Exception if the lab does not start
	 */
	public static Result run(Path work, Path media, boolean quick) throws Exception {
		int files = quick ? 3 : 4;
		Duration pace = Duration.ofSeconds(quick ? 4 : 6);
		Duration down = Duration.ofSeconds(quick ? 20 : 60);
		int cameras = quick ? 4 : 6;
		long started = System.nanoTime();
		System.out.printf(Locale.ROOT, "alert outage: starting devstack, Mosquitto and platform (%d cameras)%n",
				cameras);
		try (AlertLab lab = AlertLab.start(work, media,
				new AlertLab.Settings(cameras, Runtime.getRuntime().availableProcessors()))) {
			System.out.printf(Locale.ROOT, "alert outage: platform ready after %d s%n",
					Duration.ofNanos(System.nanoTime() - started).toSeconds());
			AlertPhase outage = AlertPhase.outage(lab, 0, files, pace, down, BOUND);
			return new Result(section(outage, cameras, files, down), outage.problems());
		}
	}

	/**
	 * The report of one outage phase.
	 * @param outage the phase
	 * @param cameras cameras uploading
	 * @param filesPerCamera pictures per camera in the round
	 * @param down how long broker and receiver were down
	 * @return markdown
	 */
	static String section(AlertPhase outage, int cameras, int filesPerCamera, Duration down) {
		List<AlertOutcome> faulted = outage.outcomes();
		StringBuilder body = new StringBuilder();
		body.append(String.format(Locale.ROOT, "### MQTT broker and webhook receiver down during a burst (%d s)%n%n",
				down.toSeconds()));
		body.append(BenchmarkReport.table(
				List.of("events during the outage", "MQTT `new` once", "webhook once", "missing", "repeated",
						"MQTT DUP flags", "time from healing to the last alert", "result"),
				List.of(List.of(Integer.toString(faulted.size()),
						Long.toString(faulted.stream().filter((o) -> o.mqttNew() == 1).count()),
						Long.toString(faulted.stream().filter((o) -> o.webhooks() == 1).count()),
						Long.toString(faulted.stream().filter((o) -> o.mqttNew() == 0 || o.webhooks() == 0).count()),
						Long.toString(faulted.stream().filter((o) -> o.mqttNew() > 1 || o.webhooks() > 1).count()),
						Long.toString(faulted.stream().mapToInt(AlertOutcome::mqttDuplicateFlags).sum()),
						Percentiles.seconds(outage.converged().toMillis()),
						outage.problems().isEmpty() ? "PASS" : "**FAIL**"))));
		body.append(String.format(Locale.ROOT,
				"%n%d cameras upload the real `person.jpg` to the edge of a platform with notification-service "
						+ "(its defaults, MQTT on) and a real Mosquitto; one rule (person, any camera, no cooldown) "
						+ "sends to a webhook channel. Mosquitto is stopped (SIGTERM, persistence on) and the "
						+ "receiver's port closed, then one round of %d pictures per camera is uploaded (one motion "
						+ "event per camera); %d s after the stop both come back on the same ports. "
						+ "notification-service keeps the alerts in its delivery queue and retries with back-off, "
						+ "so the last one can arrive up to one back-off step after the healing. `update`/`end` "
						+ "messages of an event are allowed (Frigate-style updates); a second `new` or a second "
						+ "webhook for one event counts as repeated. The subscriber (read-only account, QoS 1, "
						+ "persistent session) reconnected %d times. Delivery log at the end: %s.%n",
				cameras, filesPerCamera, down.toSeconds(), outage.reconnects(), outage.deliveries()));
		if (!outage.problems().isEmpty()) {
			body.append("\nProblems: ").append(String.join("; ", outage.problems())).append('\n');
		}
		return body.toString();
	}

}
