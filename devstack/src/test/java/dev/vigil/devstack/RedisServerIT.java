package dev.vigil.devstack;

import java.nio.file.Path;
import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fallback for machines without the Debian package: the binary bundled in
 * embedded-redis, with the same data-keeping restart.
 */
class RedisServerIT {

	@TempDir
	Path dir;

	@AfterEach
	void clearChoice() {
		System.clearProperty("vigil.devstack.redis");
	}

	@Test
	void runsTheBundledBinaryAndKeepsDataAcrossARestart() {
		System.setProperty("vigil.devstack.redis", "embedded");
		RedisServer redis = new RedisServer(this.dir.resolve("data"), this.dir.resolve("logs"), Ports.free(), false);
		RedisClient client = RedisClient.create("redis://127.0.0.1:" + redis.port());
		try {
			redis.launch();
			redis.awaitReady(Duration.ofSeconds(60));
			assertThat(redis.where()).doesNotContain("/usr/bin/redis-server");
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				connection.sync().set("camera", "front-door");
				assertThat(connection.sync().info("server")).contains("redis_version:6.2");
			}

			redis.stop();
			assertThat(redis.running()).isFalse();
			redis.launch();
			redis.awaitReady(Duration.ofSeconds(60));

			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				assertThat(connection.sync().get("camera")).isEqualTo("front-door");
			}
		}
		finally {
			client.shutdown();
			redis.stop();
		}
	}

}
