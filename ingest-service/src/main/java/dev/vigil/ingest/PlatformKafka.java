package dev.vigil.ingest;

import java.util.Map;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The platform's Kafka as every client of this edge dials it (the spool's publisher, the
 * heartbeat, the camera-settings follower): the bootstrap servers and what the platform
 * requires of a client, under the keys Spring Boot's own Kafka clients read, e.g.
 * {@code SPRING_KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT},
 * {@code SPRING_KAFKA_PROPERTIES_SASL_MECHANISM=SCRAM-SHA-512},
 * {@code SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG=...}.
 *
 * @param bootstrapServers host:port list
 * @param security the security protocol ({@code PLAINTEXT} when unset)
 * @param properties further client properties ({@code sasl.mechanism},
 * {@code sasl.jaas.config}, ...)
 */
@ConfigurationProperties("spring.kafka")
public record PlatformKafka(@DefaultValue("localhost:9092") String bootstrapServers, @DefaultValue Security security,
		@DefaultValue Map<String, String> properties) {

	/**
	 * Adds the connection settings to a client's own ones.
	 * @param config the client's settings
	 * @return the same settings
	 */
	public Properties client(Properties config) {
		config.put("bootstrap.servers", this.bootstrapServers);
		if (this.security.protocol() != null) {
			config.put("security.protocol", this.security.protocol());
		}
		config.putAll(this.properties);
		return config;
	}

	/**
	 * @param protocol {@code PLAINTEXT}, {@code SASL_PLAINTEXT}, {@code SASL_SSL} or
	 * {@code SSL}
	 */
	public record Security(@Nullable String protocol) {
	}

}
