package dev.vigil.bench.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The processing service's {@code vigil.processing.step} and
 * {@code vigil.processing.detector.latency} timers, read from its Prometheus endpoint:
 * count and total seconds per step. Two snapshots give the mean wall time per step
 * between them.
 *
 * @param steps per step: {count, seconds}
 */
record ProcessingSteps(Map<String, double[]> steps) {

	private static final Pattern TIMER = Pattern
		.compile("^vigil_processing_(step|detector_latency)_seconds_(count|sum)\\{([^}]*)\\} (\\S+)$");

	private static final Pattern TAG = Pattern.compile("(?:^|,)(step|detector)=\"([^\"]+)\"");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/**
	 * Reads the timers; none (empty) when the endpoint does not answer.
	 * @param prometheus the service's {@code /actuator/prometheus}
	 * @return the snapshot
	 */
	static ProcessingSteps scrape(URI prometheus) {
		try {
			String body = http
				.send(HttpRequest.newBuilder(prometheus).timeout(Duration.ofSeconds(10)).GET().build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
			return parse(body);
		}
		catch (IOException ex) {
			return new ProcessingSteps(Map.of());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new ProcessingSteps(Map.of());
		}
	}

	static ProcessingSteps parse(String exposition) {
		Map<String, double[]> steps = new TreeMap<>();
		for (String line : exposition.split("\n")) {
			Matcher m = TIMER.matcher(line.strip());
			if (!m.matches()) {
				continue;
			}
			Matcher tag = TAG.matcher(m.group(3));
			if (tag.find()) {
				String name = tag.group(1).equals("step") ? tag.group(2) : "detect (" + tag.group(2) + ")";
				double[] values = steps.computeIfAbsent(name, (k) -> new double[2]);
				values[m.group(2).equals("count") ? 0 : 1] += Double.parseDouble(m.group(4));
			}
		}
		return new ProcessingSteps(steps);
	}

	/**
	 * Rows {step, times, mean ms} for what happened since an earlier snapshot.
	 * @param before the earlier snapshot
	 * @return table rows, by step name
	 */
	List<List<String>> since(ProcessingSteps before) {
		List<List<String>> rows = new ArrayList<>();
		this.steps.forEach((step, now) -> {
			double[] then = before.steps().getOrDefault(step, new double[2]);
			double count = now[0] - then[0];
			if (count > 0) {
				rows.add(List.of(step, String.format(Locale.ROOT, "%.0f", count),
						String.format(Locale.ROOT, "%.1f", (now[1] - then[1]) * 1000 / count)));
			}
		});
		return rows;
	}

}
