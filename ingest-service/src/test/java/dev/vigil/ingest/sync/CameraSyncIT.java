package dev.vigil.ingest.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.vigil.contracts.CameraConfig;
import dev.vigil.contracts.CameraPasswordHash;
import dev.vigil.contracts.EdgeHeartbeat;
import dev.vigil.contracts.UploadProtocol;
import dev.vigil.devstack.Component;
import dev.vigil.devstack.Infrastructure;
import dev.vigil.devstack.VigilInfrastructure;
import dev.vigil.ingest.IngestApplication;
import dev.vigil.ingest.TestMedia;
import dev.vigil.ingest.ftp.FtpServerLifecycle;
import dev.vigil.ingest.spool.Spool;
import dev.vigil.ingest.spool.SpoolRecord;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The edge follows the platform over real Kafka: a camera published on
 * {@code camera.config} becomes an FTP account that takes a real upload (its time zone
 * reading the file name), survives a restart while Kafka is down, and a tombstone removes
 * it. The records are written exactly as catalog-api writes them (contracts types, a
 * PBKDF2 hash, never the password).
 */
@VigilInfrastructure
class CameraSyncIT {

	private static final String EDGE = "edge-sync-it";

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void followsThePlatformsCamerasAndKeepsThemWithoutKafka(Infrastructure infrastructure) throws Exception {
		Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "camera-sync-it")
			.toAbsolutePath();
		createCompactedTopic(infrastructure);
		String password = CameraPasswordHash.generatePassword();
		publish(infrastructure, "porch", config("porch", EDGE, password, 1));
		publish(infrastructure, "elsewhere", config("elsewhere", "edge-other", password, 1));

		try (ConfigurableApplicationContext edge = start(dataDir)) {
			int port = edge.getBean(FtpServerLifecycle.class).port();
			await().atMost(Duration.ofSeconds(60)).until(() -> canLogIn(port, "porch", password));
			assertThat(canLogIn(port, "elsewhere", password)).as("a camera of another edge").isFalse();
			assertThat(canLogIn(port, "porch", "wrong-" + password)).isFalse();

			upload(port, "porch", password, "snap/MDAlarm_20261202-061900.jpg");
			SpoolRecord record = edge.getBean(Spool.class)
				.pending()
				.stream()
				.filter((pending) -> pending.cameraId().equals("porch"))
				.findFirst()
				.orElseThrow();
			assertThat(record.capturedAt()).as("06:19 Berlin read with the platform's zone")
				.isEqualTo(Instant.parse("2026-12-02T05:19:00Z"));

			EdgeHeartbeat heartbeat = heartbeat(infrastructure, port);
			assertThat(heartbeat.cameras()).isGreaterThanOrEqualTo(1);
			assertThat(heartbeat.spoolDepth()).isGreaterThanOrEqualTo(0);
			assertThat(heartbeat.freeDiskBytes()).isPositive();
			assertThat(heartbeat.endpoints()).extracting(EdgeHeartbeat.Endpoint::protocol)
				.containsExactly(UploadProtocol.FTP, UploadProtocol.FTPS);
		}

		infrastructure.stop(Component.KAFKA);
		try (ConfigurableApplicationContext edge = start(dataDir)) {
			int port = edge.getBean(FtpServerLifecycle.class).port();
			assertThat(canLogIn(port, "porch", password)).as("last known copy, Kafka down").isTrue();
			upload(port, "porch", password, "snap/MDAlarm_20261202-062000.jpg");
		}
		finally {
			infrastructure.start(Component.KAFKA);
		}

		try (ConfigurableApplicationContext edge = start(dataDir)) {
			int port = edge.getBean(FtpServerLifecycle.class).port();
			assertThat(canLogIn(port, "porch", password)).isTrue();
			publish(infrastructure, "porch", null);
			await().atMost(Duration.ofSeconds(60)).until(() -> !canLogIn(port, "porch", password));
		}
	}

	@Test
	void appliesADisabledCameraAndANewPasswordAndIgnoresAnOlderRevision(Infrastructure infrastructure)
			throws Exception {
		Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "camera-sync-it")
			.toAbsolutePath();
		createCompactedTopic(infrastructure);
		String first = CameraPasswordHash.generatePassword();
		String second = CameraPasswordHash.generatePassword();
		publish(infrastructure, "garden", config("garden", EDGE, first, 1));
		try (ConfigurableApplicationContext edge = start(dataDir)) {
			int port = edge.getBean(FtpServerLifecycle.class).port();
			await().atMost(Duration.ofSeconds(60)).until(() -> canLogIn(port, "garden", first));

			publish(infrastructure, "garden", config("garden", EDGE, second, 2));
			await().atMost(Duration.ofSeconds(60)).until(() -> canLogIn(port, "garden", second));
			assertThat(canLogIn(port, "garden", first)).as("the reset password is gone").isFalse();

			publish(infrastructure, "garden", config("garden", EDGE, first, 1));
			CameraConfig disabled = config("garden", EDGE, second, 3);
			publish(infrastructure, "garden",
					new CameraConfig(disabled.cameraId(), disabled.name(), disabled.edgeNodeId(), disabled.user(),
							disabled.passwordHash(), disabled.allowedSources(), disabled.timeZone(), false, null, null,
							null, 3L, Instant.now(), 1));
			await().atMost(Duration.ofSeconds(60)).until(() -> !canLogIn(port, "garden", second));
			assertThat(canLogIn(port, "garden", first)).as("revision 1 replayed after 2").isFalse();
		}
	}

	private ConfigurableApplicationContext start(Path dataDir) {
		// Polling logins until the account arrives must not lock the test's own address
		// out. The upload is read back from the spool, so it must stay pending there.
		return new SpringApplicationBuilder(IngestApplication.class)
			.properties("server.port=0", "vigil.ingest.publish.enabled=false", "vigil.ingest.data-dir=" + dataDir,
					"vigil.ingest.edge-node-id=" + EDGE, "vigil.ingest.ftp.port=0", "vigil.ingest.ftp.passive-ports=0",
					"vigil.ingest.sftp.enabled=false", "vigil.ingest.platform.heartbeat-interval=1s",
					"vigil.ingest.platform.retry-interval=500ms", "vigil.ingest.cameras.password-iterations=10000",
					"vigil.ingest.login.max-failures=1000")
			.run();
	}

	private CameraConfig config(String camera, String edgeNode, String password, long revision) {
		return new CameraConfig(camera, camera, edgeNode, camera, CameraPasswordHash.hash(password, 10_000), List.of(),
				"Europe/Berlin", true, null, null, null, revision, Instant.now(), CameraConfig.CURRENT_SCHEMA_VERSION);
	}

	private static boolean canLogIn(int port, String user, String password) throws IOException {
		FTPClient client = new FTPClient();
		client.connect("127.0.0.1", port);
		try {
			return client.login(user, password);
		}
		finally {
			client.disconnect();
		}
	}

	private static void upload(int port, String user, String password, String path) throws IOException {
		FTPClient client = new FTPClient();
		client.connect("127.0.0.1", port);
		try {
			assertThat(client.login(user, password)).isTrue();
			client.setFileType(FTP.BINARY_FILE_TYPE);
			client.enterLocalPassiveMode();
			client.makeDirectory("snap");
			try (InputStream in = Files.newInputStream(TestMedia.file("darknet/person.jpg"))) {
				assertThat(client.storeFile(path, in)).as(client.getReplyString()).isTrue();
			}
			assertThat(client.getReplyCode()).isEqualTo(226);
		}
		finally {
			client.disconnect();
		}
	}

	private static void createCompactedTopic(Infrastructure infrastructure) throws Exception {
		Properties config = new Properties();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
		try (Admin admin = Admin.create(config)) {
			admin
				.createTopics(Set.of(new NewTopic("camera.config", Optional.of(1), Optional.empty())
					.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
				.all()
				.get(30, TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw ex;
			}
		}
	}

	private void publish(Infrastructure infrastructure, String camera, CameraConfig config) throws Exception {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
				new ByteArraySerializer())) {
			byte[] value = (config != null) ? this.json.writeValueAsBytes(config) : null;
			producer.send(new ProducerRecord<>("camera.config", camera, value)).get(30, TimeUnit.SECONDS);
		}
	}

	/**
	 * The heartbeat of the edge that listens on this FTP port (earlier runs left theirs).
	 */
	private EdgeHeartbeat heartbeat(Infrastructure infrastructure, int ftpPort) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "sync-it-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of("edge.heartbeat"));
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (EDGE.equals(record.key())) {
						EdgeHeartbeat heartbeat = this.json.readValue(record.value(), EdgeHeartbeat.class);
						if (heartbeat.endpoints().stream().anyMatch((endpoint) -> endpoint.port() == ftpPort)) {
							return heartbeat;
						}
					}
				}
			}
		}
		throw new AssertionError("no heartbeat from " + EDGE);
	}

}
