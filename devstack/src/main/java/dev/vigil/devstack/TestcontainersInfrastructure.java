package dev.vigil.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.minio.MinioClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same infrastructure from Docker images (pinned versions) when a Docker engine
 * answers. Fault control pauses and unpauses a container: ports, data and container stay,
 * so clients reconnect to the same address, as with a devstack restart.
 */
final class TestcontainersInfrastructure implements Infrastructure, AutoCloseable {

	static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.1.2");

	static final DockerImageName REDIS_IMAGE = DockerImageName.parse("redis:7.4.2");

	static final DockerImageName MINIO_IMAGE = DockerImageName.parse("minio/minio:RELEASE.2025-04-22T22-12-26Z");

	static final DockerImageName MONGO_IMAGE = DockerImageName.parse("mongo:8.0.4");

	private static final Logger logger = LoggerFactory.getLogger(TestcontainersInfrastructure.class);

	private static final int MINIO_PORT = 9000;

	private static final int REDIS_PORT = 6379;

	private final KafkaContainer kafka;

	private final GenericContainer<?> redis;

	private final GenericContainer<?> minio;

	private final MongoDBContainer mongo;

	private final String s3AccessKey;

	private final String s3SecretKey;

	private final Map<Component, GenericContainer<?>> containers = new EnumMap<>(Component.class);

	private TestcontainersInfrastructure() {
		this.s3AccessKey = "vigil-" + UUID.randomUUID().toString().substring(0, 8);
		this.s3SecretKey = UUID.randomUUID().toString().replace("-", "");
		this.kafka = new KafkaContainer(KAFKA_IMAGE);
		this.redis = new GenericContainer<>(REDIS_IMAGE).withExposedPorts(REDIS_PORT)
			.withCommand("redis-server", "--save", "", "--appendonly", "no")
			.waitingFor(Wait.forLogMessage(".*Ready to accept connections.*\\n", 1));
		this.minio = new GenericContainer<>(MINIO_IMAGE).withExposedPorts(MINIO_PORT)
			.withEnv("MINIO_ROOT_USER", this.s3AccessKey)
			.withEnv("MINIO_ROOT_PASSWORD", this.s3SecretKey)
			.withCommand("server", "/data")
			.waitingFor(Wait.forHttp("/minio/health/live").forPort(MINIO_PORT));
		this.mongo = new MongoDBContainer(MONGO_IMAGE);
		this.containers.put(Component.KAFKA, this.kafka);
		this.containers.put(Component.REDIS, this.redis);
		this.containers.put(Component.S3, this.minio);
		this.containers.put(Component.MONGO, this.mongo);
	}

	static TestcontainersInfrastructure start() {
		TestcontainersInfrastructure infrastructure = new TestcontainersInfrastructure();
		List<GenericContainer<?>> started = new ArrayList<>();
		try {
			for (GenericContainer<?> container : infrastructure.containers.values()) {
				container.start();
				started.add(container);
			}
			MinioClient client = MinioClient.builder()
				.endpoint(infrastructure.s3Endpoint())
				.region(REGION)
				.credentials(infrastructure.s3AccessKey, infrastructure.s3SecretKey)
				.build();
			Await.until("MinIO on " + infrastructure.s3Endpoint(), Duration.ofSeconds(60), null,
					"the MinIO container log", () -> S3Server.ensureBucket(client));
		}
		catch (RuntimeException ex) {
			started.forEach(GenericContainer::stop);
			throw new DevstackException("Starting the Testcontainers infrastructure failed: " + ex.getMessage(), ex);
		}
		infrastructure.containers.forEach((component, container) -> logger.info("{} container {} ({})",
				component.displayName(), container.getDockerImageName(), container.getContainerId()));
		return infrastructure;
	}

	@Override
	public String mode() {
		return "testcontainers";
	}

	@Override
	public String kafkaBootstrapServers() {
		return this.kafka.getBootstrapServers();
	}

	@Override
	public String redisHost() {
		return this.redis.getHost();
	}

	@Override
	public int redisPort() {
		return this.redis.getMappedPort(REDIS_PORT);
	}

	@Override
	public String s3Endpoint() {
		return "http://" + this.minio.getHost() + ":" + this.minio.getMappedPort(MINIO_PORT);
	}

	@Override
	public String s3AccessKey() {
		return this.s3AccessKey;
	}

	@Override
	public String s3SecretKey() {
		return this.s3SecretKey;
	}

	@Override
	public String mongoUri() {
		return this.mongo.getConnectionString();
	}

	@Override
	public synchronized void stop(Component component) {
		String id = this.containers.get(component).getContainerId();
		if (!isPaused(id)) {
			logger.info("Pausing the {} container (fault control)", component.displayName());
			DockerClientFactory.instance().client().pauseContainerCmd(id).exec();
		}
	}

	@Override
	public synchronized void start(Component component) {
		String id = this.containers.get(component).getContainerId();
		if (isPaused(id)) {
			DockerClientFactory.instance().client().unpauseContainerCmd(id).exec();
			logger.info("Unpaused the {} container", component.displayName());
		}
	}

	private static boolean isPaused(String containerId) {
		var state = DockerClientFactory.instance().client().inspectContainerCmd(containerId).exec().getState();
		return Boolean.TRUE.equals(state.getPaused());
	}

	@Override
	public synchronized void close() {
		for (Map.Entry<Component, GenericContainer<?>> entry : this.containers.entrySet()) {
			try {
				start(entry.getKey());
				entry.getValue().stop();
			}
			catch (RuntimeException ex) {
				logger.warn("Stopping the {} container failed", entry.getKey().displayName(), ex);
			}
		}
	}

}
