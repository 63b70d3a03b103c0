package dev.vigil.notify.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import dev.vigil.contracts.LabelScore;
import dev.vigil.contracts.MotionEventChanged;
import dev.vigil.notify.Links;
import dev.vigil.notify.delivery.Alert;
import dev.vigil.notify.delivery.Channel;
import dev.vigil.notify.delivery.SystemNotice;

/**
 * Sends an alert over HTTP, as a signed webhook or an ntfy publish. 2xx is success; 408,
 * 429 and 5xx, timeouts and connection errors are retried; any other status is a
 * permanent failure. Redirects are not followed (they could lead past the SSRF guard).
 */
@Component
class HttpPush {

	static final String SIGNATURE = "X-Vigil-Signature";

	static final String TIMESTAMP = "X-Vigil-Timestamp";

	private final HttpClient http;

	private final ChannelProperties properties;

	private final JsonMapper json;

	private final Links links;

	private final Clock clock = Clock.systemUTC();

	HttpPush(ChannelProperties properties, JsonMapper json, Links links) {
		this.properties = properties;
		this.json = json;
		this.links = links;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	void send(ChannelConfig channel, @Nullable String secret, Alert alert) throws Exception {
		HttpRequest request = switch (channel.type()) {
			case WEBHOOK -> webhook(channel, secret, alert);
			case NTFY -> ntfy(channel, secret, alert);
			case EMAIL -> throw new Channel.PermanentFailure("an e-mail channel is not sent over HTTP");
		};
		HttpResponse<Void> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			throw new IOException(channel.type().name().toLowerCase(Locale.ROOT) + " " + channel.url() + ": "
					+ ((ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName()), ex);
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return;
		}
		String problem = "HTTP " + status + " from " + channel.url();
		if (status == 408 || status == 429 || status >= 500) {
			throw new IOException(problem);
		}
		throw new Channel.PermanentFailure(problem);
	}

	private HttpRequest webhook(ChannelConfig channel, @Nullable String secret, Alert alert) throws Exception {
		byte[] body = this.json.writeValueAsBytes(message(alert));
		if (body.length > this.properties.maxBodySize()) {
			throw new Channel.PermanentFailure("alert of " + body.length + " bytes is over the limit");
		}
		String timestamp = String.valueOf(this.clock.instant().getEpochSecond());
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(channel.url()))
			.timeout(this.properties.requestTimeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "Vigil-Webhook/1")
			.header(TIMESTAMP, timestamp)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (secret != null) {
			builder.header(SIGNATURE, "sha256=" + sign(secret, timestamp, body));
		}
		return builder.build();
	}

	/**
	 * The signature a receiver recomputes: HMAC-SHA256 with the channel's key over
	 * {@code <timestamp>.<body>}, hex. Receivers should also refuse timestamps outside a
	 * few minutes (replay window).
	 */
	static String sign(String secret, String timestamp, byte[] body) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
		mac.update((byte) '.');
		return HexFormat.of().formatHex(mac.doFinal(body));
	}

	private HttpRequest ntfy(ChannelConfig channel, @Nullable String token, Alert alert) {
		String base = channel.url().endsWith("/") ? channel.url() : channel.url() + "/";
		MotionEventChanged event = alert.event();
		SystemNotice system = alert.system();
		String camera = (event != null) ? event.cameraId() : "test";
		String title = alert.test() ? "Vigil test"
				: (system != null) ? system.summary() : capitalised(alert.label()) + " on " + camera;
		String text = alert.test() ? "A test from Vigil: this channel works."
				: (system != null) ? system.detail() + " (rule " + alert.ruleName() + ")" : capitalised(alert.label())
						+ " (" + Math.round(alert.score() * 100) + "%) on " + camera + ", rule " + alert.ruleName();
		String tags = alert.test() ? "white_check_mark"
				: (system != null) ? (system.failing() ? "warning," : "white_check_mark,") + system.condition()
						: "rotating_light," + alert.label();
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + channel.topic()))
			.timeout(this.properties.requestTimeout())
			.header("Title", title)
			.header("Priority", String.valueOf(channel.priority()))
			.header("Tags", tags)
			.POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
		if (event != null) {
			builder.header("Click", this.links.event(event.motionEventId()));
			String snapshot = snapshotMedia(event, alert.label());
			if (snapshot != null) {
				builder.header("Attach", this.links.snapshot(snapshot));
			}
		}
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder.build();
	}

	/** The webhook body. */
	Map<String, Object> message(Alert alert) {
		Map<String, Object> message = new LinkedHashMap<>();
		SystemNotice system = alert.system();
		if (system != null) {
			message.put("type", "system");
			message.put("rule", alert.ruleName());
			message.put("rule_id", alert.ruleId());
			message.put("condition", system.condition());
			message.put("subject", system.subject());
			message.put("state", system.failing() ? "failing" : "recovered");
			message.put("summary", system.summary());
			message.put("detail", system.detail());
			message.put("since", system.since().toString());
			return message;
		}
		message.put("type", alert.test() ? "test" : "alert");
		message.put("rule", alert.ruleName());
		message.put("rule_id", alert.ruleId());
		message.put("label", alert.label());
		message.put("score", alert.score());
		MotionEventChanged event = alert.event();
		if (event != null) {
			message.put("event_id", event.motionEventId());
			message.put("camera", event.cameraId());
			message.put("start_time", event.start().toString());
			List<Map<String, Object>> labels = new ArrayList<>();
			for (LabelScore label : event.labels()) {
				labels.add(Map.of("label", label.label(), "score", label.score()));
			}
			message.put("labels", labels);
			String snapshot = snapshotMedia(event, alert.label());
			message.put("snapshot_url", (snapshot != null) ? this.links.snapshot(snapshot) : null);
			message.put("ui_url", this.links.event(event.motionEventId()));
		}
		return message;
	}

	private static @Nullable String snapshotMedia(MotionEventChanged event, String label) {
		return event.label(label)
			.map(LabelScore::snapshot)
			.map((snapshot) -> snapshot.mediaId())
			.orElse((event.snapshot() != null) ? event.snapshot().mediaId() : null);
	}

	private static String capitalised(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
