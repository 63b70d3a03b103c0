package dev.vigil.ingest;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edge's own Kafka clients take SASL from the same variables as Spring Boot's
 * clients, so one set of environment variables configures every service.
 */
class PlatformKafkaTests {

	private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
			+ "username=\"ingest-service\" password=\"secret\";";

	@Test
	void addsSecurityProtocolAndSaslSettingsFromTheEnvironment() {
		PlatformKafka kafka = bind(Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
				"SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT", "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM",
				"SCRAM-SHA-512", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", JAAS));
		Properties client = new Properties();
		client.put("acks", "all");
		assertThat(kafka.client(client)).containsEntry("bootstrap.servers", "kafka:9092")
			.containsEntry("security.protocol", "SASL_PLAINTEXT")
			.containsEntry("sasl.mechanism", "SCRAM-SHA-512")
			.containsEntry("sasl.jaas.config", JAAS)
			.containsEntry("acks", "all");
	}

	@Test
	void staysPlaintextAgainstDevstackWhenNothingIsSet() {
		assertThat(bind(Map.of()).client(new Properties()))
			.containsOnly(Map.entry("bootstrap.servers", "localhost:9092"));
	}

	private static PlatformKafka bind(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					variables));
		ConfigurationPropertySources.attach(environment);
		return Binder.get(environment).bindOrCreate("spring.kafka", PlatformKafka.class);
	}

}
