package dev.vigil.notify.it;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.vigil.contracts.LabelScore;
import dev.vigil.contracts.MotionEventChange;
import dev.vigil.contracts.MotionEventChanged;

import static org.assertj.core.api.Assertions.assertThat;

class AlertsIT extends WebhookIT {

	@Test
	void aPersonEventSendsOneSignedWebhookWhateverIsRedeliveredOrUpdated() throws Exception {
		String camera = camera("door");
		String channel = webhook("/door");
		String rule = rule("{\"name\":\"Door at night\",\"labels\":[\"person\"],\"minConfidence\":0.6,"
				+ "\"cooldownSeconds\":0,\"channels\":[\"" + channel + "\"]}");
		JsonNode view = call("GET", "/api/v1/notifications/channels/" + channel, WRITE, null).json();
		assertThat(view.path("secretSet").asBoolean()).isTrue();
		assertThat(view.toString()).doesNotContain(KEY).doesNotContain("encrypted");

		Instant start = Instant.now();
		MotionEventChanged person = record(camera, start, 2, MotionEventChange.UPDATED,
				List.of(new LabelScore("person", 0.91, snapshot(camera, "w1"))));
		publish(record(camera, start, 1, MotionEventChange.OPENED, List.of()));
		publish(person);
		publish(person);
		publish(record(camera, start, 3, MotionEventChange.UPDATED,
				List.of(new LabelScore("person", 0.97, snapshot(camera, "w1")))));
		String marker = camera("marker");
		publish(record(marker, start, 1, MotionEventChange.OPENED, List.of(new LabelScore("person", 0.8, null))));

		eventually(() -> this.receiver.on("/door"), (list) -> list.size() >= 2);
		List<WebhookReceiver.Request> forCamera = this.receiver.on("/door")
			.stream()
			.filter((r) -> new String(r.body(), StandardCharsets.UTF_8).contains("\"" + camera + "\""))
			.toList();
		assertThat(forCamera).as("one alert per event and rule").hasSize(1);
		WebhookReceiver.Request hook = forCamera.getFirst();
		String timestamp = hook.header("X-Vigil-Timestamp");
		assertThat(hook.header("X-Vigil-Signature")).isEqualTo("sha256=" + hmac(KEY, timestamp + "." + text(hook)));
		assertThat(Math.abs(Long.parseLong(timestamp) - Instant.now().getEpochSecond())).as("replay window")
			.isLessThan(300);
		JsonNode body = JSON.readTree(hook.body());
		assertThat(body.path("rule").asString()).isEqualTo("Door at night");
		assertThat(body.path("label").asString()).isEqualTo("person");
		assertThat(body.path("score").asDouble()).isEqualTo(0.91);
		assertThat(body.path("ui_url").asString()).startsWith("https://vigil.example.net/events/" + camera);

		JsonNode log = call("GET", "/api/v1/notifications/deliveries?rule=" + rule,
				TestTokens.token("notifications:read"), null)
			.json();
		assertThat(log.toString()).contains("\"status\":\"SENT\"").contains("latencyMs");
		assertThat(log.toString()).doesNotContain("payload");
	}

	@Test
	void aBurstOfEventsFromOneCameraIsOneAlertWithinTheCooldown() throws Exception {
		String camera = camera("burst");
		String channel = webhook("/burst");
		String rule = rule("{\"name\":\"Burst\",\"labels\":[\"person\"],\"cooldownSeconds\":600,\"channels\":[\""
				+ channel + "\"]}");
		Instant start = Instant.now();
		for (int i = 0; i < 3; i++) {
			publish(record(camera, start.plusSeconds(i * 90L), 1, MotionEventChange.OPENED,
					List.of(new LabelScore("person", 0.9, null))));
		}
		JsonNode log = eventually(
				() -> call("GET", "/api/v1/notifications/deliveries?rule=" + rule, WRITE, null).json(),
				(json) -> json.size() == 3 && json.toString().contains("SENT"));
		assertThat(log.toString().split("SUPPRESSED", -1)).hasSize(3);
		assertThat(this.receiver.on("/burst")).hasSize(1);
	}

	@Test
	void aRuleOutsideItsScheduleSendsNothing() throws Exception {
		String camera = camera("sched");
		String channel = webhook("/sched");
		DayOfWeek tomorrow = Instant.now().atZone(ZoneOffset.UTC).getDayOfWeek().plus(1);
		rule("{\"name\":\"Only tomorrow\",\"labels\":[\"person\"],\"timeZone\":\"UTC\",\"schedule\":{\"" + tomorrow
				+ "\":[{\"from\":\"00:00\",\"to\":\"24:00\"}]},\"channels\":[\"" + channel + "\"]}");
		String always = rule(
				"{\"name\":\"Always\",\"labels\":[\"person\"],\"channels\":[\"" + webhook("/always") + "\"]}");
		publish(record(camera, Instant.now(), 1, MotionEventChange.OPENED,
				List.of(new LabelScore("person", 0.9, null))));
		eventually(() -> this.receiver.on("/always"), (list) -> !list.isEmpty());
		assertThat(always).isNotBlank();
		assertThat(this.receiver.on("/sched")).isEmpty();
	}

	@Test
	void aReceiverThatFailsIsRetriedAndCaughtUpOnceAndAFailingChannelIsDisabledWithAReason() throws Exception {
		AtomicInteger failures = new AtomicInteger(2);
		this.receiver.status = () -> (failures.getAndDecrement() > 0) ? 503 : 200;
		String camera = camera("down");
		String channel = webhook("/down");
		String rule = rule("{\"name\":\"Down\",\"labels\":[\"person\"],\"channels\":[\"" + channel + "\"]}");
		publish(record(camera, Instant.now(), 1, MotionEventChange.OPENED,
				List.of(new LabelScore("person", 0.9, null))));
		eventually(() -> this.receiver.on("/down"), (list) -> !list.isEmpty());
		JsonNode entry = call("GET", "/api/v1/notifications/deliveries?rule=" + rule, WRITE, null).json().get(0);
		assertThat(entry.path("status").asString()).isEqualTo("SENT");
		assertThat(entry.path("attempts").asInt()).isEqualTo(3);
		assertThat(this.receiver.on("/down")).hasSize(1);

		this.receiver.status = () -> 500;
		publish(record(camera("down2"), Instant.now(), 1, MotionEventChange.OPENED,
				List.of(new LabelScore("person", 0.9, null))));
		JsonNode disabled = eventually(
				() -> call("GET", "/api/v1/notifications/channels/" + channel, WRITE, null).json(),
				(json) -> !json.path("enabled").asBoolean());
		assertThat(disabled.path("disabledReason").asString()).contains("consecutive failed attempts")
			.contains("HTTP 500");
	}

	@Test
	void sendTestReachesTheChannelAndShowsInTheLog() throws Exception {
		String channel = webhook("/test");
		Response queued = call("POST", "/api/v1/notifications/channels/" + channel + "/test", WRITE, "");
		assertThat(queued.status()).isEqualTo(202);
		WebhookReceiver.Request hook = eventually(() -> this.receiver.on("/test"), (list) -> !list.isEmpty())
			.getFirst();
		assertThat(JSON.readTree(hook.body()).path("type").asString()).isEqualTo("test");
		String id = queued.json().path("deliveryId").asString();
		eventually(() -> call("GET", "/api/v1/notifications/deliveries?channel=channel:" + channel, WRITE, null).json()
			.toString(), (log) -> log.contains(id) && log.contains("SENT"));
	}

	@Test
	void badRulesAndChannelsAreRefusedWithProblemDetails() throws Exception {
		String channel = webhook("/bad");
		Response rule = call("POST", "/api/v1/notifications/rules", WRITE,
				"{\"name\":\"x\",\"cameras\":[\"no-such-camera\"],\"labels\":[\"unicorn\"],\"minConfidence\":1.5,"
						+ "\"timeZone\":\"Mars/Olympus\",\"schedule\":{\"FUNDAY\":[],\"MONDAY\":[{\"from\":\"25:00\",\"to\":\"06:00\"},"
						+ "{\"from\":\"08:00\",\"to\":\"08:00\"}]},\"cooldownSeconds\":-1,\"channels\":[\"" + channel
						+ "\",\"nope\"]}");
		assertThat(rule.status()).isEqualTo(400);
		assertThat(rule.json().path("type").asString()).endsWith("/invalid-request");
		assertThat(rule.body()).contains("unknown camera", "unknown label", "minConfidence", "Mars/Olympus", "FUNDAY",
				"25:00", "is empty", "cooldownSeconds", "unknown channel 'nope'");
		Response never = call("POST", "/api/v1/notifications/rules", WRITE,
				"{\"name\":\"never\",\"labels\":[\"person\"],\"schedule\":{\"MONDAY\":[]},\"channels\":[\"" + channel
						+ "\"]}");
		assertThat(never.body()).contains("never armed");

		for (String url : List.of("http://127.0.0.1:8082/api/v1/media", "http://169.254.169.254/latest/meta-data/",
				"ftp://example.net/x", "http://[::1]:8085/actuator")) {
			Response refused = call("POST", "/api/v1/notifications/channels", WRITE,
					"{\"type\":\"WEBHOOK\",\"name\":\"ssrf\",\"url\":\"" + url + "\",\"secret\":\"" + KEY + "\"}");
			assertThat(refused.status()).as(url).isEqualTo(400);
			assertThat(refused.body()).contains("url");
		}
		assertThat(call("POST", "/api/v1/notifications/rules", WRITE, "{not json").status()).isEqualTo(400);
		assertThat(call("GET", "/api/v1/notifications/rules/nope", WRITE, null).status()).isEqualTo(404);
		assertThat(call("GET", "/api/v1/notifications/rules", null, null).status()).isEqualTo(401);
		assertThat(call("POST", "/api/v1/notifications/rules", TestTokens.token("notifications:read"), "{}").status())
			.isEqualTo(403);
		assertThat(call("GET", "/api/v1/notifications/rules", TestTokens.token("media:read"), null).status())
			.isEqualTo(403);
	}

	@Test
	void aRuleCanBeReplacedAndDeletedAndABadReplacementChangesNothing() throws Exception {
		String channel = webhook("/crud");
		String rule = rule("{\"name\":\"Crud\",\"labels\":[\"person\"],\"channels\":[\"" + channel + "\"]}");
		Response replaced = call("PUT", "/api/v1/notifications/rules/" + rule, WRITE,
				"{\"name\":\"Crud 2\",\"labels\":[\"vehicle\"],\"minConfidence\":0.8,\"quietHours\":[{\"from\":\"22:00\",\"to\":\"06:00\"}],"
						+ "\"channels\":[\"" + channel + "\"]}");
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertThat(replaced.json().path("labels").get(0).asString()).isEqualTo("vehicle");
		Response bad = call("PUT", "/api/v1/notifications/rules/" + rule, WRITE,
				"{\"name\":\"\",\"labels\":[],\"channels\":[]}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(call("GET", "/api/v1/notifications/rules/" + rule, WRITE, null).json().path("name").asString())
			.isEqualTo("Crud 2");
		assertThat(call("DELETE", "/api/v1/notifications/rules/" + rule, WRITE, null).status()).isEqualTo(204);
		assertThat(call("GET", "/api/v1/notifications/rules/" + rule, WRITE, null).status()).isEqualTo(404);
	}

	private static String text(WebhookReceiver.Request request) {
		return new String(request.body(), StandardCharsets.UTF_8);
	}

	private static String hmac(String key, String data) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
	}

}
