package dev.vigil.bench.alerts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * What became of one burst (one motion event): the event's id, how many {@code new}
 * messages and webhook alerts it got and when the first of each arrived, and when its
 * first file was processed.
 *
 * @param burst the uploads
 * @param eventId the catalog's event, null if no alert named one
 * @param processedAt first of its files processed (epoch millis, 0 if none)
 * @param mqttNew {@code vigil/events} messages of type {@code new}
 * @param mqttDuplicateFlags those with the broker's DUP flag
 * @param mqttUpdates {@code update} and {@code end} messages (allowed, not counted as
 * repeats)
 * @param mqttAt first {@code new} (epoch millis, 0 if none)
 * @param webhooks webhook alerts
 * @param webhookAt the first (epoch millis, 0 if none)
 */
record AlertOutcome(AlertLab.Burst burst, @Nullable String eventId, long processedAt, int mqttNew,
		int mqttDuplicateFlags, int mqttUpdates, long mqttAt, int webhooks, long webhookAt) {

	/**
	 * Pairs the bursts with the events the alerts name: per camera, bursts by round and
	 * events by start time (rounds are an hour apart on the camera's clock).
	 * @param bursts what was uploaded
	 * @param mqtt every {@code vigil/events} message
	 * @param webhooks every webhook alert
	 * @param processed when files were processed
	 * @param problems where a camera with more events than bursts is noted
	 * @return one outcome per burst
	 */
	static List<AlertOutcome> match(List<AlertLab.Burst> bursts, List<MqttTap.Received> mqtt,
			List<WebhookSink.Received> webhooks, ProcessedStamps processed, List<String> problems) {
		Map<String, TreeMap<Long, String>> eventsByCamera = new HashMap<>();
		for (MqttTap.Received message : mqtt) {
			eventsByCamera.computeIfAbsent(message.camera(), (c) -> new TreeMap<>())
				.merge(message.startTime(), message.eventId(), (a, b) -> a);
		}
		for (WebhookSink.Received alert : webhooks) {
			eventsByCamera.computeIfAbsent(alert.camera(), (c) -> new TreeMap<>())
				.merge(alert.startTime(), alert.eventId(), (a, b) -> a);
		}
		Map<String, List<AlertLab.Burst>> burstsByCamera = new LinkedHashMap<>();
		bursts.stream()
			.sorted(Comparator.comparing(AlertLab.Burst::camera).thenComparing(AlertLab.Burst::round))
			.forEach((burst) -> burstsByCamera.computeIfAbsent(burst.camera(), (c) -> new ArrayList<>()).add(burst));
		List<AlertOutcome> outcomes = new ArrayList<>();
		burstsByCamera.forEach((camera, own) -> {
			List<String> events = new ArrayList<>(
					eventsByCamera.getOrDefault(camera, new TreeMap<>()).values().stream().distinct().toList());
			if (events.size() > own.size()) {
				problems.add(camera + ": " + events.size() + " events for " + own.size() + " bursts");
			}
			for (int i = 0; i < own.size(); i++) {
				AlertLab.Burst burst = own.get(i);
				String event = (i < events.size() && own.size() == events.size()) ? events.get(i) : null;
				outcomes.add(of(burst, event, mqtt, webhooks, processed));
			}
		});
		return outcomes;
	}

	private static AlertOutcome of(AlertLab.Burst burst, @Nullable String event, List<MqttTap.Received> mqtt,
			List<WebhookSink.Received> webhooks, ProcessedStamps processed) {
		long processedAt = burst.files()
			.stream()
			.mapToLong(processed::processedAt)
			.filter((at) -> at > 0)
			.min()
			.orElse(0);
		if (event == null) {
			return new AlertOutcome(burst, null, processedAt, 0, 0, 0, 0, 0, 0);
		}
		List<MqttTap.Received> own = mqtt.stream().filter((m) -> m.eventId().equals(event)).toList();
		List<MqttTap.Received> created = own.stream().filter((m) -> m.type().equals("new")).toList();
		List<WebhookSink.Received> alerts = webhooks.stream().filter((w) -> w.eventId().equals(event)).toList();
		return new AlertOutcome(burst, event, processedAt, created.size(),
				(int) created.stream().filter(MqttTap.Received::duplicate).count(), own.size() - created.size(),
				created.stream().mapToLong(MqttTap.Received::atMillis).min().orElse(0), alerts.size(),
				alerts.stream().mapToLong(WebhookSink.Received::atMillis).min().orElse(0));
	}

	boolean complete() {
		return this.mqttNew >= 1 && this.webhooks >= 1;
	}

	/** From the burst's first 226 to a moment, or -1 when it did not happen. */
	long since226(long at) {
		return (at > 0 && this.burst.firstAcceptedAt() > 0) ? Math.max(0, at - this.burst.firstAcceptedAt()) : -1;
	}

	/** From the first file processed to a moment, or -1. */
	long sinceProcessed(long at) {
		return (at > 0 && this.processedAt > 0) ? Math.max(0, at - this.processedAt) : -1;
	}

}
