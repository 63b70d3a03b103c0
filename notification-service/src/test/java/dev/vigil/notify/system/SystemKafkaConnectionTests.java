package dev.vigil.notify.system;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The system feeds connect like the binder's clients: with spring.kafka's security
 * protocol and SASL settings (compose and k8s run Kafka with SASL/SCRAM only; with the
 * bootstrap servers alone the feeds reconnected forever and never saw an upload).
 */
class SystemKafkaConnectionTests {

	private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
			+ "username=\"notification-service\" password=\"pw\";";

	@Test
	void feedsTakeTheSecurityProtocolAndSaslSettingsOfSpringKafka() {
		KafkaProperties kafka = new KafkaProperties();
		kafka.setBootstrapServers(java.util.List.of("kafka:9092"));
		kafka.getSecurity().setProtocol("SASL_PLAINTEXT");
		kafka.getProperties().putAll(Map.of("sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", JAAS));
		SystemProperties properties = new SystemProperties(true, Duration.ofSeconds(30), Duration.ofHours(24),
				DataSize.ofMegabytes(1536), DataSize.ofMegabytes(512), Duration.ofMinutes(15), Map.of(), 2,
				Duration.ofSeconds(5), "media.uploaded", "edge.heartbeat", "camera.config");
		SystemConfiguration configuration = new SystemConfiguration();
		for (KafkaFeed feed : java.util.List.of(configuration.liveness(kafka, properties, null, null),
				configuration.cameraSettings(kafka, properties, null))) {
			Properties config = feed.consumerConfig();
			assertThat(config).containsEntry("bootstrap.servers", java.util.List.of("kafka:9092"))
				.containsEntry("security.protocol", "SASL_PLAINTEXT")
				.containsEntry("sasl.mechanism", "SCRAM-SHA-512")
				.containsEntry("sasl.jaas.config", JAAS)
				.containsEntry("enable.auto.commit", false);
		}
		assertThat(configuration.liveness(kafka, properties, null, null).consumerConfig()).containsEntry("group.id",
				"notification-system");
		assertThat(configuration.cameraSettings(kafka, properties, null).consumerConfig()).containsEntry("group.id",
				"notification-system-cameras");
	}

}
