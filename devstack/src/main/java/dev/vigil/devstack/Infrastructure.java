package dev.vigil.devstack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the running Kafka, Redis, S3 and MongoDB listen, and fault control for tests.
 * <p>
 * Obtain it as a test method or constructor parameter in a class annotated with
 * {@link VigilInfrastructure}, or statically with {@link #shared()} (for example in a
 * {@code @DynamicPropertySource} method).
 */
public interface Infrastructure {

	/** Media bucket created on start. */
	String BUCKET = "vigil-media";

	/** Region the S3 clients should sign for. */
	String REGION = "us-east-1";

	/**
	 * The infrastructure of this JVM, started on first use and stopped when the JVM (or
	 * the JUnit run, when {@link VigilInfrastructure} is used) ends.
	 * @return the shared infrastructure
	 */
	static Infrastructure shared() {
		return SharedInfrastructure.get();
	}

	/**
	 * Which implementation runs.
	 * @return {@code "devstack"} or {@code "testcontainers"}
	 */
	String mode();

	String kafkaBootstrapServers();

	String redisHost();

	int redisPort();

	/**
	 * S3 endpoint URL.
	 * @return for example {@code http://127.0.0.1:41234}
	 */
	String s3Endpoint();

	String s3AccessKey();

	String s3SecretKey();

	default String s3Bucket() {
		return BUCKET;
	}

	default String s3Region() {
		return REGION;
	}

	/**
	 * MongoDB connection string without a database (each service sets
	 * {@code spring.mongodb.database}).
	 * @return for example {@code mongodb://127.0.0.1:41235}
	 */
	String mongoUri();

	/**
	 * Stops a component, keeping its port and data, so that clients see an outage.
	 * @param component the component to stop
	 */
	void stop(Component component);

	/**
	 * Starts a stopped component again on the same port with the same data and waits
	 * until it accepts connections. Starting a running component does nothing.
	 * @param component the component to start
	 */
	void start(Component component);

	/**
	 * The Spring Boot property names of docs/development.md with this infrastructure's
	 * values.
	 * @return property name to value, in a stable order
	 */
	default Map<String, String> springProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers());
		properties.put("spring.cloud.stream.kafka.binder.brokers", kafkaBootstrapServers());
		properties.put("spring.data.redis.host", redisHost());
		properties.put("spring.data.redis.port", String.valueOf(redisPort()));
		properties.put("spring.mongodb.uri", mongoUri());
		properties.put("vigil.s3.endpoint", s3Endpoint());
		properties.put("vigil.s3.access-key", s3AccessKey());
		properties.put("vigil.s3.secret-key", s3SecretKey());
		properties.put("vigil.s3.bucket", s3Bucket());
		properties.put("vigil.s3.region", s3Region());
		return Collections.unmodifiableMap(properties);
	}

	/**
	 * One line per component saying where it listens (no secrets).
	 * @return a human-readable description
	 */
	default String describe() {
		return "Kafka " + kafkaBootstrapServers() + ", Redis " + redisHost() + ":" + redisPort() + ", S3 "
				+ s3Endpoint() + " (bucket " + s3Bucket() + "), MongoDB " + mongoUri();
	}

}
