package dev.vigil.notify.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.vigil.notify.delivery.SystemConditions;

/**
 * Services down: each configured health URL is asked every check; a service is down after
 * {@code service-failures} answers in a row that are not HTTP 200 with
 * {@code "status":"UP"} (or no answer), and up again at the first good one. Redirects are
 * not followed.
 */
class ServiceHealth {

	private final SystemProperties properties;

	private final Conditions conditions;

	private final Thresholds thresholds;

	private final JsonMapper json;

	private final HttpClient http;

	private final Map<String, Integer> failures = new ConcurrentHashMap<>();

	ServiceHealth(SystemProperties properties, Conditions conditions, Thresholds thresholds, JsonMapper json) {
		this.properties = properties;
		this.conditions = conditions;
		this.thresholds = thresholds;
		this.json = json;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.healthTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	void check() {
		this.properties.services().forEach(this::check);
	}

	private void check(String service, URI url) {
		String problem = problem(url);
		if (problem == null) {
			this.failures.remove(service);
			this.conditions.report(SystemConditions.SERVICE_DOWN, service, false, "Service " + service + " is up",
					url + " answers UP");
			return;
		}
		int count = this.failures.merge(service, 1, Integer::sum);
		if (count >= this.thresholds.current().serviceFailures()) {
			this.conditions.report(SystemConditions.SERVICE_DOWN, service, true, "Service " + service + " is down",
					url + ": " + problem + " (" + count + " checks in a row)");
		}
	}

	private String problem(URI url) {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(url).timeout(this.properties.healthTimeout()).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				return "HTTP " + response.statusCode();
			}
			JsonNode body = this.json.readTree(response.body());
			String status = body.path("status").asString("");
			return "UP".equals(status) ? null : "status " + (status.isEmpty() ? "missing" : status);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
		catch (Exception ex) {
			return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		}
	}

}
