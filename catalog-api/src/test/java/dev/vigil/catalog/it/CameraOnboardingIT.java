package dev.vigil.catalog.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.vigil.contracts.CameraConfig;
import dev.vigil.contracts.CameraPasswordHash;
import dev.vigil.contracts.CameraSamples;
import dev.vigil.contracts.ContractSamples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform as the source of truth for cameras: an admin adds a camera for an edge
 * that has reported in, gets its settings and a password once, and the camera's settings
 * land on the real compacted {@code camera.config} topic with only a PBKDF2 hash;
 * changes, a password reset and the delete (a tombstone) follow, all audited.
 */
class CameraOnboardingIT extends CatalogIT {

	@Test
	void addsACameraForAKnownEdgeAndPublishesItsSettingsWithAHashOnly() {
		String edge = heartbeat();
		String name = "Porch " + UUID.randomUUID().toString().substring(0, 6);
		Api.Response created = this.api.send("POST", "/api/v1/cameras", issuer.admin(), """
				{"name": "%s", "edgeNodeId": "%s", "protocol": "FTP", "timeZone": "Europe/Berlin"}
				""".formatted(name, edge));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode body = created.json();
		String id = body.path("camera").path("id").asString();
		String password = body.path("password").asString();
		assertThat(id).isEqualTo(name.toLowerCase().replace(' ', '-'));
		assertThat(password).hasSize(24);
		assertThat(body.path("setup").path("host").asString()).isEqualTo("192.168.1.20");
		assertThat(body.path("setup").path("port").asInt()).isEqualTo(2121);
		assertThat(body.path("setup").path("passivePorts").asString()).isEqualTo("30000-30049");
		assertThat(body.path("setup").path("user").asString()).isEqualTo(id);
		assertThat(body.path("setup").path("edgeOnline").asBoolean()).isTrue();

		ConsumerRecord<String, byte[]> record = record(id, (r) -> r.value() != null);
		String raw = new String(record.value(), StandardCharsets.UTF_8);
		assertThat(raw).doesNotContain(password);
		CameraConfig config = Api.JSON.readValue(record.value(), CameraConfig.class);
		assertThat(config.edgeNodeId()).isEqualTo(edge);
		assertThat(config.user()).isEqualTo(id);
		assertThat(config.timeZone()).isEqualTo("Europe/Berlin");
		assertThat(config.enabled()).isTrue();
		assertThat(config.passwordHash()).startsWith("pbkdf2-sha256$600000$");
		assertThat(CameraPasswordHash.matches(password, config.passwordHash())).isTrue();

		Api.Response camera = this.api.get("/api/v1/cameras/" + id, issuer.reader());
		assertThat(camera.body()).doesNotContain("pbkdf2").doesNotContain(password);
		Api.Response setup = this.api.get("/api/v1/cameras/" + id + "/setup", issuer.admin());
		assertThat(setup.status()).isEqualTo(200);
		assertThat(setup.body()).doesNotContain(password).contains("\"remoteDirectory\":\"/\"");
		// Where cameras dial in is for admins, not for every reader of media.
		assertThat(this.api.get("/api/v1/cameras/" + id + "/setup", issuer.reader()).status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/edges", issuer.reader()).status()).isEqualTo(403);

		Api.Response patched = this.api.send("PATCH", "/api/v1/cameras/" + id, issuer.admin(),
				"{\"timeZone\": \"America/New_York\", \"enabled\": false}");
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		CameraConfig changed = config(record(id, (r) -> r.value() != null
				&& Api.JSON.readValue(r.value(), CameraConfig.class).timeZone().equals("America/New_York")));
		assertThat(changed.revision()).isGreaterThan(config.revision());
		assertThat(changed.enabled()).isFalse();
		assertThat(changed.passwordHash()).isEqualTo(config.passwordHash());

		Api.Response reset = this.api.send("POST", "/api/v1/cameras/" + id + "/password", issuer.admin(), "");
		assertThat(reset.status()).as(reset.body()).isEqualTo(200);
		String second = reset.json().path("password").asString();
		CameraConfig rehashed = config(record(id, (r) -> r.value() != null && CameraPasswordHash.matches(second,
				Api.JSON.readValue(r.value(), CameraConfig.class).passwordHash())));
		assertThat(CameraPasswordHash.matches(password, rehashed.passwordHash())).isFalse();

		Api.Response deleted = this.api.send("DELETE", "/api/v1/cameras/" + id, issuer.admin(), "");
		assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
		assertThat(deleted.json().path("deleteMedia").asBoolean()).isFalse();
		record(id, (r) -> r.value() == null);
		assertThat(this.api.get("/api/v1/cameras/" + id, issuer.reader()).status()).isEqualTo(404);

		for (String action : List.of("camera.created", "camera.updated", "camera.password-reset", "camera.deleted")) {
			Api.Response audit = this.api.get("/api/v1/audit?action=" + action, issuer.admin());
			assertThat(audit.body()).as(action).contains("\"target\":\"" + id + "\"");
		}
	}

	@Test
	void refusesUnknownEdgesDuplicatesBadZonesAndNonAdmins() {
		String edge = heartbeat();
		String body = "{\"id\": \"%s\", \"name\": \"Gate\", \"edgeNodeId\": \"%s\", \"protocol\": \"SFTP\"}";
		String id = WireEvents.camera("gate");

		Api.Response unknown = this.api.send("POST", "/api/v1/cameras", issuer.admin(),
				body.formatted(id, "edge-nobody-knows"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.problemType()).endsWith("/unknown-edge-node");

		Api.Response reader = this.api.send("POST", "/api/v1/cameras", issuer.reader(), body.formatted(id, edge));
		assertThat(reader.status()).isEqualTo(403);

		Api.Response zone = this.api.send("POST", "/api/v1/cameras", issuer.admin(),
				"{\"name\": \"Gate\", \"edgeNodeId\": \"%s\", \"protocol\": \"FTP\", \"timeZone\": \"Mars/Olympus\"}"
					.formatted(edge));
		assertThat(zone.status()).isEqualTo(400);

		Api.Response sources = this.api.send("POST", "/api/v1/cameras", issuer.admin(),
				"{\"name\": \"Gate\", \"edgeNodeId\": \"%s\", \"protocol\": \"FTP\", \"allowedSources\": [\"cam.example.com\"]}"
					.formatted(edge));
		assertThat(sources.status()).isEqualTo(400);

		assertThat(this.api.send("POST", "/api/v1/cameras", issuer.admin(), body.formatted(id, edge)).status())
			.isEqualTo(201);
		Api.Response duplicate = this.api.send("POST", "/api/v1/cameras", issuer.admin(), body.formatted(id, edge));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.problemType()).endsWith("/camera-exists");

		Api.Response setup = this.api.get("/api/v1/cameras/" + id + "/setup", issuer.admin());
		assertThat(setup.json().path("protocol").asString()).isEqualTo("SFTP");
		assertThat(setup.json().path("port").asInt()).isEqualTo(2222);
	}

	@Test
	void listsEdgeNodesFromTheirHeartbeats() {
		String edge = heartbeat();
		JsonNode edges = eventually(() -> this.api.get("/api/v1/edges", issuer.admin()),
				(r) -> r.body().contains("\"" + edge + "\""))
			.json();
		JsonNode node = null;
		for (JsonNode candidate : edges) {
			if (candidate.path("id").asString().equals(edge)) {
				node = candidate;
			}
		}
		assertThat(node).isNotNull();
		assertThat(node.path("online").asBoolean()).isTrue();
		assertThat(node.path("spoolDepth").asInt()).isEqualTo(12);
		assertThat(node.path("freeDiskBytes").asLong()).isEqualTo(21474836480L);
		assertThat(node.path("version").asString()).isEqualTo("0.1.0-SNAPSHOT");
	}

	/** An edge with a fresh id reports in (the golden sample, sent now). */
	private String heartbeat() {
		String edge = WireEvents.camera("edge");
		String json = ContractSamples.sample(CameraSamples.HEARTBEAT)
			.replace("edge-garage", edge)
			.replace("2026-12-02T06:20:00Z", Instant.now().toString());
		wire.send("edge.heartbeat", edge, json);
		eventually(() -> this.api.get("/api/v1/edges", issuer.admin()), (r) -> r.body().contains(edge));
		return edge;
	}

	private static CameraConfig config(ConsumerRecord<String, byte[]> record) {
		return Api.JSON.readValue(record.value(), CameraConfig.class);
	}

	/** The first record of a camera on camera.config that satisfies the condition. */
	private static ConsumerRecord<String, byte[]> record(String cameraId,
			Predicate<ConsumerRecord<String, byte[]>> condition) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "onboarding-it-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of("camera.config"));
			@Nullable ConsumerRecord<String, byte[]>[] found = new ConsumerRecord[1];
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (cameraId.equals(record.key())) {
						if (condition.test(record)) {
							found[0] = record;
						}
					}
				}
				return found[0] != null;
			});
			return found[0];
		}
	}

}
