package dev.vigil.ui.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.vigil.ui.catalog.CatalogProperties;
import dev.vigil.ui.web.Ids;

/**
 * Reads catalog-api's SSE stream with one user's token on a virtual thread and forwards
 * each change as a small, already formatted JSON item (the page's script only fills text
 * nodes, so nothing in an item can become markup). Ends when the token expires, the
 * browser goes away or the upstream closes; the browser's EventSource reconnects by
 * itself.
 */
@Component
class StreamRelay {

	private static final Logger log = LoggerFactory.getLogger(StreamRelay.class);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

	private final CatalogProperties properties;

	private final JsonMapper json;

	private final HttpClient http;

	StreamRelay(CatalogProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
		this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
	}

	void start(SseEmitter emitter, String token, Duration lifetime, Display display) {
		AtomicReference<@Nullable InputStream> upstream = new AtomicReference<>();
		Runnable close = () -> {
			InputStream in = upstream.getAndSet(null);
			if (in != null) {
				try {
					in.close();
				}
				catch (IOException ex) {
					// Closing is all that is wanted here.
				}
			}
		};
		emitter.onCompletion(close);
		emitter.onTimeout(close);
		emitter.onError((ex) -> close.run());
		Thread.ofVirtual().name("live-relay").start(() -> relay(emitter, token, lifetime, display, upstream));
		Thread.ofVirtual().name("live-relay-expiry").start(() -> {
			try {
				Thread.sleep(lifetime);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			close.run();
		});
	}

	private void relay(SseEmitter emitter, String token, Duration lifetime, Display display,
			AtomicReference<@Nullable InputStream> upstream) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.properties.baseUrl() + "/api/v1/stream"))
			.header("Authorization", "Bearer " + token)
			.header("Accept", MediaType.TEXT_EVENT_STREAM_VALUE)
			.timeout(lifetime.plusSeconds(5))
			.GET()
			.build();
		try {
			HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			if (response.statusCode() != 200) {
				response.body().close();
				emitter.send(SseEmitter.event().name("status").data(Map.of("state", "unavailable")));
				emitter.complete();
				return;
			}
			upstream.set(response.body());
			emitter.send(SseEmitter.event().name("status").data(Map.of("state", "connected")));
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
				StringBuilder data = new StringBuilder();
				String line;
				while ((line = reader.readLine()) != null) {
					if (line.isEmpty()) {
						if (!data.isEmpty()) {
							forward(emitter, data.toString(), display);
							data.setLength(0);
						}
					}
					else if (line.startsWith("data:")) {
						if (!data.isEmpty()) {
							data.append('\n');
						}
						data.append(line.substring(5).stripLeading());
					}
					else if (line.startsWith(":")) {
						// Upstream heartbeat: passing it on also tells us
						// if the browser left.
						emitter.send(SseEmitter.event().comment("ping"));
					}
				}
			}
			emitter.complete();
		}
		catch (IOException | IllegalStateException ex) {
			// The browser left, the token expired (stream closed)
			// or catalog-api went away.
			emitter.completeWithError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			emitter.complete();
		}
	}

	private void forward(SseEmitter emitter, String data, Display display) throws IOException {
		JsonNode node;
		try {
			node = this.json.readTree(data);
		}
		catch (RuntimeException ex) {
			log.debug("Ignoring a stream frame that is not JSON");
			return;
		}
		Map<String, Object> item = item(node, display);
		if (item != null) {
			emitter.send(SseEmitter.event().name("media").data(item, MediaType.APPLICATION_JSON));
		}
	}

	/**
	 * The item the page shows for one upstream change, or null to skip it.
	 * @param node the change as catalog-api sent it
	 * @param display names and zones of the user's cameras
	 * @return the item
	 */
	static @Nullable Map<String, Object> item(JsonNode node, Display display) {
		String id = text(node, "mediaId", text(node, "id", null));
		String camera = text(node, "cameraId", null);
		String change = text(node, "change", "UPLOADED");
		if (id == null || camera == null || !Ids.MEDIA.matcher(id).matches() || "DELETED".equals(change)) {
			return null;
		}
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("id", id);
		item.put("change", change);
		item.put("cameraId", camera);
		item.put("camera", display.names().getOrDefault(camera, camera));
		item.put("kind", text(node, "kind", "IMAGE"));
		Instant time = instant(text(node, "takenAt", text(node, "receivedAt", null)));
		item.put("time",
				(time != null) ? TIME.format(time.atZone(display.zones().getOrDefault(camera, display.zone()))) : "");
		item.put("timestamp", (time != null) ? time.toString() : "");
		double person = node.path("personConfidence").asDouble(0.0);
		item.put("person", (person > 0) ? Math.round(person * 100) : 0);
		String eventId = text(node, "eventId", null);
		boolean linkable = eventId != null && Ids.EVENT.matcher(eventId).matches();
		item.put("href", linkable ? "/events/" + eventId + "?m=" + id : "/live");
		item.put("thumbnail", "/media/" + id + "/thumbnail");
		return item;
	}

	private static @Nullable String text(JsonNode node, String field, @Nullable String fallback) {
		JsonNode value = node.path(field);
		return (value.isString() && !value.asString().isBlank()) ? value.asString() : fallback;
	}

	private static @Nullable Instant instant(@Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			return Instant.parse(text);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/**
	 * What the relay needs to format items, captured on the request thread.
	 *
	 * @param names camera display names by id
	 * @param zones camera time zones by id
	 * @param zone the user's zone for cameras without one
	 */
	record Display(Map<String, String> names, Map<String, ZoneId> zones, ZoneId zone) {

	}

}
