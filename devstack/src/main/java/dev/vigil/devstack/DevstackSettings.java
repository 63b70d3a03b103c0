package dev.vigil.devstack;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How to run devstack. A port of 0 means "pick a free one".
 *
 * @param dataDir where every component keeps its data (survives a restart)
 * @param logDir where child processes write their logs
 * @param kafkaPort Kafka broker port
 * @param kafkaControllerPort KRaft controller port
 * @param redisPort Redis port
 * @param s3Port S3Proxy port
 * @param mongoPort MongoDB wire server port
 * @param s3AccessKey S3 access key, generated per data dir when null
 * @param s3SecretKey S3 secret key, generated per data dir when null
 * @param durable Redis appends every write to a file (for {@code ./vigil up}); tests only
 * save on a controlled stop
 * @param deleteDataOnClose remove the data dir when stopped (tests)
 * @param startTimeout how long each component may take to accept connections
 */
record DevstackSettings(Path dataDir, Path logDir, int kafkaPort, int kafkaControllerPort, int redisPort, int s3Port,
		int mongoPort, @Nullable String s3AccessKey, @Nullable String s3SecretKey, boolean durable,
		boolean deleteDataOnClose, Duration startTimeout) {

	static final String HOST = "127.0.0.1";

	static DevstackSettings forTests(Path baseDir) {
		return new DevstackSettings(baseDir.resolve("data"), baseDir.resolve("logs"), 0, 0, 0, 0, 0, null, null, false,
				true, Duration.ofSeconds(90));
	}

}
