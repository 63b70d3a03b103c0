package dev.vigil.ui.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import dev.vigil.ui.catalog.CatalogClient;
import dev.vigil.ui.catalog.CatalogUnavailableException;

/**
 * notification-service's {@code /api/v1/notifications}, called with the signed-in user's
 * token.
 */
@Component
class NotificationsClient {

	private static final String API = "/api/v1/notifications";

	private final RestClient rest;

	NotificationsClient(@Qualifier(NotificationsClientConfiguration.NOTIFICATIONS) RestClient rest) {
		this.rest = rest;
	}

	List<Channel> channels() {
		List<Channel> channels = call(() -> this.rest.get()
			.uri(API + "/channels")
			.retrieve()
			.body(new ParameterizedTypeReference<List<Channel>>() {
			}));
		return (channels != null) ? channels : List.of();
	}

	Channel createChannel(Map<String, Object> channel) {
		return call(() -> this.rest.post().uri(API + "/channels").body(channel).retrieve().body(Channel.class));
	}

	void deleteChannel(String id) {
		call(() -> this.rest.delete().uri(API + "/channels/{id}", id).retrieve().toBodilessEntity());
	}

	Channel enableChannel(String id) {
		return call(() -> this.rest.post().uri(API + "/channels/{id}/enable", id).retrieve().body(Channel.class));
	}

	/** Queues a test message; returns the id of its delivery. */
	String test(String id) {
		Map<?, ?> answer = call(() -> this.rest.post().uri(API + "/channels/{id}/test", id).retrieve().body(Map.class));
		return String.valueOf(answer.get("deliveryId"));
	}

	List<Rule> rules() {
		List<Rule> rules = call(
				() -> this.rest.get().uri(API + "/rules").retrieve().body(new ParameterizedTypeReference<List<Rule>>() {
				}));
		return (rules != null) ? rules : List.of();
	}

	Rule rule(String id) {
		return call(() -> this.rest.get().uri(API + "/rules/{id}", id).retrieve().body(Rule.class));
	}

	Rule createRule(Map<String, Object> rule) {
		return call(() -> this.rest.post().uri(API + "/rules").body(rule).retrieve().body(Rule.class));
	}

	Rule replaceRule(String id, Map<String, Object> rule) {
		return call(() -> this.rest.put().uri(API + "/rules/{id}", id).body(rule).retrieve().body(Rule.class));
	}

	void deleteRule(String id) {
		call(() -> this.rest.delete().uri(API + "/rules/{id}", id).retrieve().toBodilessEntity());
	}

	SystemState system() {
		return call(() -> this.rest.get().uri(API + "/system").retrieve().body(SystemState.class));
	}

	SystemState systemThresholds(Map<String, Object> thresholds) {
		return call(() -> this.rest.put()
			.uri(API + "/system/thresholds")
			.body(thresholds)
			.retrieve()
			.body(SystemState.class));
	}

	List<LogEntry> deliveries(@Nullable String channel, int limit) {
		List<LogEntry> log = call(() -> this.rest.get().uri((uri) -> {
			uri.path(API + "/deliveries");
			if (channel != null) {
				uri.queryParam("channel", channel);
			}
			return uri.queryParam("limit", limit).build();
		}).retrieve().body(new ParameterizedTypeReference<List<LogEntry>>() {
		}));
		return (log != null) ? log : List.of();
	}

	private static <T> T call(Supplier<T> call) {
		try {
			return CatalogClient.call(call);
		}
		catch (CatalogUnavailableException ex) {
			throw new CatalogUnavailableException("notification-service", (ex.getCause() != null) ? ex.getCause() : ex);
		}
	}

	/** A push channel; its secret only as {@code secretSet}. */
	record Channel(String id, String type, String name, String url, @Nullable String topic, int priority,
			boolean secretSet, boolean enabled, @Nullable String disabledReason, int consecutiveFailures,
			@Nullable Instant createdAt) {

		/** The name its deliveries carry in the log. */
		String deliveryName() {
			return "channel:" + this.id;
		}

	}

	/** A daily span, {@code HH:mm} to {@code HH:mm}. */
	record Window(String from, String to) {

		@Override
		public String toString() {
			return this.from + "-" + this.to;
		}

	}

	/**
	 * An alert rule: on motion events ({@code EVENT}) or on system conditions
	 * ({@code SYSTEM}).
	 */
	record Rule(String id, String name, boolean enabled, @Nullable List<String> cameras, List<String> labels,
			double minConfidence, String timeZone, @Nullable Map<String, List<Window>> schedule,
			@Nullable List<Window> quietHours, long cooldownSeconds, List<String> channels, @Nullable Instant createdAt,
			@Nullable String kind, @Nullable List<String> conditions) {

		public boolean system() {
			return "SYSTEM".equals(this.kind);
		}

	}

	/** Thresholds as numbers; null = the configured default. */
	record Thresholds(@Nullable Long cameraSilentAfterMinutes, @Nullable Long edgeSpoolWarningMb,
			@Nullable Long edgeMinFreeDiskMb, @Nullable Long deadLetterQuietAfterMinutes,
			@Nullable Integer serviceFailures) {

	}

	/** A camera the silence check watches. */
	record WatchedCamera(String camera, @Nullable Integer silentAfterMinutes, long thresholdMinutes,
			@Nullable Instant lastUpload, boolean watched) {

	}

	/** A service whose health URL is checked. */
	record WatchedService(String name, String url) {

	}

	/** One system condition's current state. */
	record ConditionState(String condition, String subject, boolean failing, Instant since, String detail,
			long changes) {

	}

	/**
	 * The system checks: thresholds in force, defaults, what an admin set, subjects,
	 * states.
	 */
	record SystemState(boolean enabled, long checkIntervalSeconds, Thresholds thresholds, Thresholds defaults,
			Thresholds set, List<WatchedCamera> cameras, List<WatchedService> services,
			List<ConditionState> conditions) {

	}

	/** One line of the delivery log. */
	record LogEntry(String id, String channel, @Nullable String ruleId, @Nullable String cameraId,
			@Nullable String motionEventId, String status, int attempts, @Nullable Instant createdAt,
			@Nullable Instant finishedAt, @Nullable Long latencyMs, @Nullable String lastError) {

		public boolean pending() {
			return "PENDING".equals(this.status);
		}

		public boolean test() {
			return this.id.startsWith("test:");
		}

		/** The latency as people read it: {@code 412 ms}, {@code 1.8 s}, or a dash. */
		public String latency() {
			if (this.latencyMs == null) {
				return "—";
			}
			return (this.latencyMs < 1000) ? this.latencyMs + " ms"
					: String.format(Locale.ROOT, "%.1f s", this.latencyMs / 1000.0);
		}

	}

}
