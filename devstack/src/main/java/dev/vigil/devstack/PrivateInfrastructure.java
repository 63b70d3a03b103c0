package dev.vigil.devstack;

import java.nio.file.Path;

/**
 * A devstack owned by its caller rather than shared by a JVM: free loopback ports, data
 * and logs under one directory, stopped by {@link #close()}. Benchmarks use one per run
 * so that figures and checks never see another run's data.
 */
public final class PrivateInfrastructure implements Infrastructure, AutoCloseable {

	private final Devstack devstack;

	private PrivateInfrastructure(Devstack devstack) {
		this.devstack = devstack;
	}

	/**
	 * Starts Kafka, S3, Redis and the MongoDB wire server and waits until each is ready.
	 * @param baseDir where {@code data/} and {@code logs/} go
	 * @return the running infrastructure
	 * @throws DevstackException naming what failed; nothing is left running then
	 */
	public static PrivateInfrastructure start(Path baseDir) {
		return new PrivateInfrastructure(Devstack.start(DevstackSettings.forTests(baseDir)));
	}

	@Override
	public String mode() {
		return this.devstack.mode();
	}

	@Override
	public String kafkaBootstrapServers() {
		return this.devstack.kafkaBootstrapServers();
	}

	@Override
	public String redisHost() {
		return this.devstack.redisHost();
	}

	@Override
	public int redisPort() {
		return this.devstack.redisPort();
	}

	@Override
	public String s3Endpoint() {
		return this.devstack.s3Endpoint();
	}

	@Override
	public String s3AccessKey() {
		return this.devstack.s3AccessKey();
	}

	@Override
	public String s3SecretKey() {
		return this.devstack.s3SecretKey();
	}

	@Override
	public String mongoUri() {
		return this.devstack.mongoUri();
	}

	@Override
	public void stop(Component component) {
		this.devstack.stop(component);
	}

	@Override
	public void start(Component component) {
		this.devstack.start(component);
	}

	@Override
	public void close() {
		this.devstack.close();
	}

}
