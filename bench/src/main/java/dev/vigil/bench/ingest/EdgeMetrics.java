package dev.vigil.bench.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** The edge's own counters, read from its Prometheus endpoint. */
final class EdgeMetrics {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private EdgeMetrics() {
	}

	/**
	 * Sum of {@code vigil_ingest_spool_fsyncs_total} over its kinds; 0 without an
	 * endpoint.
	 * @throws IOException the endpoint did not answer or has no such counter (an edge
	 * without the counters cannot be reported as doing no fsyncs)
	 */
	static double fsyncs(@Nullable URI prometheus) throws IOException {
		if (prometheus == null) {
			return 0;
		}
		String body;
		try {
			body = http
				.send(HttpRequest.newBuilder(prometheus).timeout(Duration.ofSeconds(10)).GET().build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted reading " + prometheus, ex);
		}
		return sum(body, "vigil_ingest_spool_fsyncs_total");
	}

	/** Sum of every sample of a metric in Prometheus text format. */
	static double sum(String exposition, String metric) throws IOException {
		double total = 0;
		boolean found = false;
		for (String line : exposition.split("\n")) {
			if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
				total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				found = true;
			}
		}
		if (!found) {
			throw new IOException("no " + metric + " in the edge's metrics");
		}
		return total;
	}

}
