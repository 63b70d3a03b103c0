package dev.vigil.devstack;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./vigil up}'s path: run files for the launcher, and data that survives a full
 * stop and start on the same data dir.
 */
class DevstackMainIT {

	@TempDir
	Path dir;

	@Test
	void writesTheRunFilesAndKeepsDataAcrossARestart() throws Exception {
		String[] args = { "up", "--data-dir", this.dir.resolve("data").toString(), "--run-dir",
				this.dir.resolve("run").toString(), "--log-dir", this.dir.resolve("logs").toString(), "--kafka-port",
				String.valueOf(Ports.free()), "--kafka-controller-port", String.valueOf(Ports.free()), "--redis-port",
				String.valueOf(Ports.free()), "--s3-port", String.valueOf(Ports.free()), "--mongo-port",
				String.valueOf(Ports.free()), "--mqtt-port", String.valueOf(Ports.free()) };
		Path envFile = this.dir.resolve("run").resolve(DevstackMain.ENV_FILE);
		Path pidsFile = this.dir.resolve("run").resolve(DevstackMain.PIDS_FILE);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Map<String, String> env;
		List<Long> children;

		try (DevstackMain.Running running = DevstackMain.start(DevstackMain.Options.parse(args),
				new PrintStream(out, true, StandardCharsets.UTF_8))) {
			assertThat(out.toString(StandardCharsets.UTF_8)).contains(DevstackMain.READY_LINE);
			env = readEnv(envFile);
			List<String> keys = new java.util.ArrayList<>(
					List.of("VIGIL_KAFKA_BOOTSTRAP", "VIGIL_REDIS_HOST", "VIGIL_REDIS_PORT", "VIGIL_S3_ENDPOINT",
							"VIGIL_S3_ACCESS_KEY", "VIGIL_S3_SECRET_KEY", "VIGIL_S3_BUCKET", "VIGIL_MONGO_URI"));
			if (MosquittoBroker.available()) {
				keys.addAll(List.of("VIGIL_MQTT_HOST", "VIGIL_MQTT_PORT", "VIGIL_MQTT_USER", "VIGIL_MQTT_PASSWORD",
						"VIGIL_MQTT_SERVICE_USER", "VIGIL_MQTT_SERVICE_PASSWORD"));
			}
			assertThat(env).containsOnlyKeys(keys);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(envFile))).isEqualTo("rw-------");
			children = Files.readAllLines(pidsFile).stream().map(Long::valueOf).toList();
			assertThat(children).hasSize(MosquittoBroker.available() ? 4 : 3)
				.allMatch((pid) -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));

			s3(env).putObject(PutObjectArgs.builder()
				.bucket(env.get("VIGIL_S3_BUCKET"))
				.object("originals/kept.txt")
				.stream(new ByteArrayInputStream("kept".getBytes(StandardCharsets.UTF_8)), 4L, -1L)
				.build());
			redis(env, (connection) -> connection.sync().set("kept", "yes"));
			try (MongoClient mongo = MongoClients.create(env.get("VIGIL_MONGO_URI"))) {
				mongo.getDatabase("main-it").getCollection("media").insertOne(new Document("_id", "m1"));
			}
		}

		assertThat(children).noneMatch((pid) -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
		assertThat(envFile).doesNotExist();
		assertThat(pidsFile).doesNotExist();

		try (DevstackMain.Running running = DevstackMain.start(DevstackMain.Options.parse(args),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
			Map<String, String> again = readEnv(envFile);
			assertThat(again.get("VIGIL_S3_SECRET_KEY")).isEqualTo(env.get("VIGIL_S3_SECRET_KEY"));
			try (InputStream in = s3(again).getObject(GetObjectArgs.builder()
				.bucket(again.get("VIGIL_S3_BUCKET"))
				.object("originals/kept.txt")
				.build())) {
				assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("kept");
			}
			redis(again, (connection) -> assertThat(connection.sync().get("kept")).isEqualTo("yes"));
			try (MongoClient mongo = MongoClients.create(again.get("VIGIL_MONGO_URI"))) {
				assertThat(mongo.getDatabase("main-it").getCollection("media").countDocuments()).isEqualTo(1);
			}
		}
	}

	private static Map<String, String> readEnv(Path envFile) throws Exception {
		Properties properties = new Properties();
		try (var reader = Files.newBufferedReader(envFile)) {
			properties.load(reader);
		}
		Map<String, String> env = new java.util.LinkedHashMap<>();
		properties.stringPropertyNames().forEach((name) -> env.put(name, properties.getProperty(name)));
		return env;
	}

	private static MinioClient s3(Map<String, String> env) {
		return MinioClient.builder()
			.endpoint(env.get("VIGIL_S3_ENDPOINT"))
			.region(Infrastructure.REGION)
			.credentials(env.get("VIGIL_S3_ACCESS_KEY"), env.get("VIGIL_S3_SECRET_KEY"))
			.build();
	}

	private static void redis(Map<String, String> env,
			java.util.function.Consumer<StatefulRedisConnection<String, String>> action) {
		RedisClient client = RedisClient
			.create("redis://" + env.get("VIGIL_REDIS_HOST") + ":" + env.get("VIGIL_REDIS_PORT"));
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			action.accept(connection);
		}
		finally {
			client.shutdown();
		}
	}

}
