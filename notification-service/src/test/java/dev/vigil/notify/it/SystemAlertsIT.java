package dev.vigil.notify.it;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import dev.vigil.contracts.CameraConfig;
import dev.vigil.contracts.CameraPasswordHash;
import dev.vigil.contracts.EdgeHeartbeat;
import dev.vigil.contracts.MediaKind;
import dev.vigil.contracts.MediaUploaded;
import dev.vigil.contracts.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * System alerts through real Kafka (uploads, heartbeats, a dead-letter topic and the
 * AdminClient's offsets), a real health endpoint, a real webhook receiver and a real
 * Mosquitto: each condition alerts once when it goes bad and once when it recovers.
 */
class SystemAlertsIT extends WebhookIT {

	/**
	 * Several check rounds (300 ms each), to show that nothing more is sent meanwhile.
	 */
	private static final Duration ROUNDS = Duration.ofMillis(1500);

	@Autowired
	MongoTemplate mongo;

	@AfterEach
	void healthy() {
		probe.up = true;
	}

	@Test
	void aSilentCameraAlertsOnceSetsItsRetainedStatusAndAlertsOnceWhenItSendsAgain() throws Exception {
		String camera = camera("quiet");
		String rule = systemRule("/silent", "[\"camera-silent\"]", "[]");
		upload(camera);

		List<JsonNode> alerts = eventually(() -> about(this.receiver.on("/silent"), camera), (list) -> !list.isEmpty());
		JsonNode silent = alerts.getFirst();
		assertThat(silent.path("type").asString()).isEqualTo("system");
		assertThat(silent.path("condition").asString()).isEqualTo("camera-silent");
		assertThat(silent.path("state").asString()).isEqualTo("failing");
		assertThat(silent.path("summary").asString()).isEqualTo("Camera " + camera + " is silent");
		assertThat(silent.path("detail").asString()).contains("last upload", "threshold 3 s");
		String status = "vigil/" + camera + "/status";
		eventually(() -> subscriber.on(status), (list) -> !list.isEmpty());
		assertThat(subscriber.on(status).getLast().text()).isEqualTo("silent");
		JsonNode config = JSON
			.readTree(eventually(() -> subscriber.on("homeassistant/binary_sensor/vigil_" + camera + "_status/config"),
					(list) -> !list.isEmpty())
				.getFirst()
				.text());
		assertThat(config.path("payload_off").asString()).isEqualTo("silent");

		Thread.sleep(ROUNDS.toMillis());
		assertThat(about(this.receiver.on("/silent"), camera)).as("no repeat while it stays silent").hasSize(1);

		upload(camera);
		List<JsonNode> both = eventually(() -> about(this.receiver.on("/silent"), camera), (list) -> list.size() >= 2);
		assertThat(both.get(1).path("state").asString()).isEqualTo("recovered");
		assertThat(both.get(1).path("summary").asString()).isEqualTo("Camera " + camera + " is sending again");
		assertThat(eventually(() -> subscriber.on(status), (list) -> list.size() >= 2).get(1).text())
			.isEqualTo("online");

		JsonNode log = call("GET", "/api/v1/notifications/deliveries?rule=" + rule, WRITE, null).json();
		assertThat(log.toString()).contains("\"status\":\"SENT\"").contains("camera-silent:" + camera);
	}

	@Test
	void aCamerasOwnThresholdWinsADisabledCameraIsNotWatchedAndADeletedOneIsForgotten() throws Exception {
		String patient = camera("patient");
		String disabled = camera("disabled");
		String plain = camera("plain");
		systemRule("/thresholds", "[\"camera-silent\"]", "[]");
		settings(patient, 60, true);
		settings(disabled, null, false);
		eventually(() -> watched(patient) && watched(disabled), (known) -> known);
		upload(patient);
		upload(disabled);
		upload(plain);

		eventually(() -> about(this.receiver.on("/thresholds"), plain), (list) -> !list.isEmpty());
		Thread.sleep(ROUNDS.toMillis());
		assertThat(about(this.receiver.on("/thresholds"), patient)).as("its own threshold is 60 min").isEmpty();
		assertThat(about(this.receiver.on("/thresholds"), disabled)).as("disabled: not watched").isEmpty();

		send(Topics.CAMERA_CONFIG, patient, null);
		eventually(() -> watched(patient), (known) -> !known);
	}

	@Test
	void anEdgeBacklogAndLowDiskAlertOnceEachAndOnceOnRecovery() throws Exception {
		String edge = camera("edge");
		systemRule("/edge", "[\"edge-backlog\",\"edge-disk\"]", "[]");
		long gb = 1024L * 1024 * 1024;
		for (int i = 0; i < 3; i++) {
			heartbeat(edge, 4000, 2 * gb, 100L * 1024 * 1024);
		}
		List<JsonNode> bad = eventually(() -> about(this.receiver.on("/edge"), edge), (list) -> list.size() >= 2);
		assertThat(bad).extracting((json) -> json.path("condition").asString())
			.containsExactlyInAnyOrder("edge-backlog", "edge-disk");
		assertThat(bad).allSatisfy((json) -> assertThat(json.path("state").asString()).isEqualTo("failing"));
		assertThat(bad.stream()
			.filter((json) -> json.path("condition").asString().equals("edge-backlog"))
			.findFirst()
			.orElseThrow()
			.path("detail")
			.asString()).contains("4000 upload(s), 2048 MB waiting");

		heartbeat(edge, 4000, 2 * gb, 100L * 1024 * 1024);
		Thread.sleep(ROUNDS.toMillis());
		assertThat(about(this.receiver.on("/edge"), edge)).as("no repeat while it stays bad").hasSize(2);

		heartbeat(edge, 2, 1024 * 1024, 20 * gb);
		List<JsonNode> all = eventually(() -> about(this.receiver.on("/edge"), edge), (list) -> list.size() >= 4);
		assertThat(all.subList(2, 4))
			.allSatisfy((json) -> assertThat(json.path("state").asString()).isEqualTo("recovered"));
		heartbeat(edge, 0, 0, 20 * gb);
		Thread.sleep(ROUNDS.toMillis());
		assertThat(about(this.receiver.on("/edge"), edge)).hasSize(4);
	}

	@Test
	void growingDeadLettersAlertOnceAndRecoverWhenTheyStopGrowing() throws Exception {
		String topic = "it-" + UUID.randomUUID().toString().substring(0, 8) + ".notification.dlq";
		systemRule("/dlq", "[\"dead-letters\"]", "[]");
		send(topic, "k", "{\"old\":true}");
		// The first sight sets the baseline: letters from before do not alert.
		Query baseline = Query.query(Criteria.where("_id").is(topic).and("total").gte(1));
		eventually(() -> this.mongo.exists(baseline, "system_dead_letters"), (known) -> known);
		// Unless the monitor listed the new topic before its first record landed: then
		// that record was new to it (it "grew"), alerts and recovers like any other.
		boolean grew = this.mongo.findOne(baseline, org.bson.Document.class, "system_dead_letters")
			.get("grewAt") != null;
		int before = grew ? 2 : 0;
		Query quiet = Query.query(
				Criteria.where("_id").is("dead-letters:" + topic).and("failing").is(false).and("changes").gte(before));
		eventually(() -> this.mongo.exists(quiet, "system_conditions"), (known) -> known);
		eventually(() -> about(this.receiver.on("/dlq"), topic), (list) -> list.size() >= before);
		Thread.sleep(ROUNDS.toMillis());
		assertThat(about(this.receiver.on("/dlq"), topic)).hasSize(before);

		send(topic, "k", "{\"bad\":1}");
		send(topic, "k", "{\"bad\":2}");
		List<JsonNode> alerts = eventually(() -> about(this.receiver.on("/dlq"), topic),
				(list) -> list.size() > before);
		assertThat(alerts.get(before).path("state").asString()).isEqualTo("failing");
		assertThat(alerts.get(before).path("detail").asString()).contains("3 in all");
		List<JsonNode> both = eventually(() -> about(this.receiver.on("/dlq"), topic),
				(list) -> list.size() >= before + 2);
		assertThat(both.get(before + 1).path("state").asString()).isEqualTo("recovered");
		Thread.sleep(ROUNDS.toMillis());
		assertThat(about(this.receiver.on("/dlq"), topic)).hasSize(before + 2);
	}

	@Test
	void aServiceThatIsDownAlertsOnceAfterTwoFailedChecksAndOnceWhenItIsUpAgain() throws Exception {
		systemRule("/down", "[\"service-down\"]", "[]");
		eventually(() -> this.mongo.exists(Query.query(Criteria.where("_id").is("service-down:probe")),
				"system_conditions"), (known) -> known);
		probe.up = false;
		List<JsonNode> alerts = eventually(() -> about(this.receiver.on("/down"), "probe"), (list) -> !list.isEmpty());
		assertThat(alerts.getFirst().path("state").asString()).isEqualTo("failing");
		assertThat(alerts.getFirst().path("summary").asString()).isEqualTo("Service probe is down");
		assertThat(alerts.getFirst().path("detail").asString()).contains("HTTP 503");
		Thread.sleep(ROUNDS.toMillis());
		assertThat(about(this.receiver.on("/down"), "probe")).hasSize(1);
		probe.up = true;
		List<JsonNode> both = eventually(() -> about(this.receiver.on("/down"), "probe"), (list) -> list.size() >= 2);
		assertThat(both.get(1).path("summary").asString()).isEqualTo("Service probe is up");
		Thread.sleep(ROUNDS.toMillis());
		assertThat(about(this.receiver.on("/down"), "probe")).hasSize(2);
	}

	@Test
	void thresholdsSetThroughTheApiApplyFromTheNextHeartbeatAndTheStateIsShown() throws Exception {
		String edge = camera("edge");
		systemRule("/limits", "[\"edge-backlog\"]", "[]");
		long mb = 1024L * 1024;
		heartbeat(edge, 10, 100 * mb, 20_000 * mb);
		eventually(() -> condition("edge-backlog", edge), (state) -> !state.isMissingNode());
		assertThat(condition("edge-backlog", edge).path("failing").asBoolean()).isFalse();
		try {
			Response set = call("PUT", "/api/v1/notifications/system/thresholds", WRITE, "{\"edgeSpoolWarningMb\":50}");
			assertThat(set.status()).isEqualTo(200);
			assertThat(set.json().path("thresholds").path("edgeSpoolWarningMb").asLong()).isEqualTo(50);
			assertThat(set.json().path("defaults").path("edgeSpoolWarningMb").asLong()).isEqualTo(1536);
			assertThat(set.json().path("set").path("cameraSilentAfterMinutes").isNumber()).isFalse();

			heartbeat(edge, 10, 100 * mb, 20_000 * mb);
			List<JsonNode> bad = eventually(() -> about(this.receiver.on("/limits"), edge), (list) -> !list.isEmpty());
			assertThat(bad.getFirst().path("state").asString()).isEqualTo("failing");
			assertThat(bad.getFirst().path("detail").asString()).contains("100 MB waiting (warning above 50 MB)");
			JsonNode shown = condition("edge-backlog", edge);
			assertThat(shown.path("failing").asBoolean()).isTrue();
			assertThat(shown.path("detail").asString()).contains("warning above 50 MB");
		}
		finally {
			Response reset = call("PUT", "/api/v1/notifications/system/thresholds", WRITE, "{}");
			assertThat(reset.json().path("thresholds").path("edgeSpoolWarningMb").asLong()).isEqualTo(1536);
		}
	}

	@Test
	void badThresholdsAreRefusedAndOnlyAWriterMayChangeThem() {
		Response bad = call("PUT", "/api/v1/notifications/system/thresholds", WRITE,
				"{\"cameraSilentAfterMinutes\":0,\"edgeSpoolWarningMb\":-5,\"serviceFailures\":1000}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().path("type").asString()).isEqualTo("https://vigil.dev/problems/invalid-request");
		assertThat(bad.json().path("errors")).extracting((error) -> error.path("field").asString())
			.containsExactlyInAnyOrder("cameraSilentAfterMinutes", "edgeSpoolWarningMb", "serviceFailures");
		assertThat(call("PUT", "/api/v1/notifications/system/thresholds", WRITE, "{\"edgeSpoolWarningMb\":\"lots\"}")
			.status()).isEqualTo(400);
		String reader = TestTokens.token("notifications:read");
		assertThat(call("PUT", "/api/v1/notifications/system/thresholds", reader, "{\"serviceFailures\":1}").status())
			.isEqualTo(403);
		assertThat(call("GET", "/api/v1/notifications/system", null, null).status()).isEqualTo(401);
		Response view = call("GET", "/api/v1/notifications/system", reader, null);
		assertThat(view.status()).isEqualTo(200);
		assertThat(view.json().path("thresholds").path("serviceFailures").asInt()).isEqualTo(2);
		assertThat(view.json().path("services")).extracting((service) -> service.path("name").asString())
			.contains("probe");
	}

	private JsonNode condition(String condition, String subject) {
		for (JsonNode state : call("GET", "/api/v1/notifications/system", WRITE, null).json().path("conditions")) {
			if (state.path("condition").asString().equals(condition)
					&& state.path("subject").asString().equals(subject)) {
				return state;
			}
		}
		return tools.jackson.databind.node.MissingNode.getInstance();
	}

	@Test
	void badSystemRulesAreRefused() throws Exception {
		String channel = webhook("/badrule");
		Response labels = call("POST", "/api/v1/notifications/rules", WRITE,
				"{\"name\":\"x\",\"kind\":\"SYSTEM\",\"labels\":[\"person\"],\"conditions\":[\"camera-on-fire\"],"
						+ "\"channels\":[\"" + channel + "\"]}");
		assertThat(labels.status()).isEqualTo(400);
		assertThat(labels.body()).contains("a system rule has no labels", "unknown condition 'camera-on-fire'");
		Response event = call("POST", "/api/v1/notifications/rules", WRITE,
				"{\"name\":\"x\",\"labels\":[\"person\"],\"conditions\":[\"camera-silent\"],\"channels\":[\"" + channel
						+ "\"]}");
		assertThat(event.status()).isEqualTo(400);
		assertThat(event.body()).contains("only a system rule has conditions");
		Response kind = call("POST", "/api/v1/notifications/rules", WRITE,
				"{\"name\":\"x\",\"kind\":\"WEATHER\",\"channels\":[\"" + channel + "\"]}");
		assertThat(kind.status()).isEqualTo(400);
	}

	private String systemRule(String path, String conditions, String cameras) throws Exception {
		return rule("{\"name\":\"System " + path + "\",\"kind\":\"SYSTEM\",\"conditions\":" + conditions
				+ ",\"cameras\":" + cameras + ",\"channels\":[\"" + webhook(path) + "\"]}");
	}

	private static void upload(String camera) {
		String sha = UUID.randomUUID().toString().replace("-", "").repeat(2);
		send(Topics.MEDIA_UPLOADED, camera,
				JSON.writeValueAsString(new MediaUploaded(UUID.randomUUID(), sha, "edge-1", camera,
						"originals/" + camera + "/" + sha + ".jpg", "vigil-media", "image/jpeg", 1000L, sha,
						"snap/a.jpg", null, null, Instant.now(), MediaKind.IMAGE, 1)));
	}

	private boolean watched(String camera) {
		return this.mongo.exists(Query.query(Criteria.where("_id").is(camera)), "system_cameras");
	}

	private static void settings(String camera, Integer silentAfterMinutes, boolean enabled) {
		send(Topics.CAMERA_CONFIG, camera,
				JSON.writeValueAsString(new CameraConfig(camera, camera, "edge-1", camera,
						CameraPasswordHash.hash("camera-password", 10_000), List.of(), "Europe/Berlin", enabled,
						silentAfterMinutes, null, null, 1L, Instant.now(), 1)));
	}

	private static void heartbeat(String edge, int depth, long spoolBytes, long freeDisk) {
		Instant now = Instant.now();
		send(Topics.EDGE_HEARTBEAT, edge, JSON.writeValueAsString(new EdgeHeartbeat(edge, "0.1.0", now,
				now.minusSeconds(60), depth, spoolBytes, freeDisk, 3, List.of(), 1)));
	}

	private static List<JsonNode> about(List<WebhookReceiver.Request> requests, String subject) {
		return requests.stream()
			.map((request) -> JSON.readTree(request.body()))
			.filter((json) -> json.path("subject").asString().equals(subject))
			.toList();
	}

}
