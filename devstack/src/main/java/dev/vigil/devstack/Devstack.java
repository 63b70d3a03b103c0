package dev.vigil.devstack;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real infrastructure on this machine without Docker: a KRaft Kafka broker and S3Proxy in
 * child JVMs, a Redis child process, and a MongoDB wire server in this JVM. Started all
 * at once (children boot in parallel), then awaited one by one; when anything fails,
 * whatever started is stopped again.
 */
final class Devstack implements Infrastructure, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Devstack.class);

	private final DevstackSettings settings;

	private final S3Credentials credentials;

	private final LongConsumer childStarted;

	private final KafkaBroker kafka;

	private final S3Server s3;

	private final RedisServer redis;

	private final MongoWireServer mongo;

	private final Map<Component, ManagedComponent> components = new EnumMap<>(Component.class);

	private Devstack(DevstackSettings settings, S3Credentials credentials, LongConsumer childStarted, KafkaBroker kafka,
			S3Server s3, RedisServer redis, MongoWireServer mongo) {
		this.settings = settings;
		this.credentials = credentials;
		this.childStarted = childStarted;
		this.kafka = kafka;
		this.s3 = s3;
		this.redis = redis;
		this.mongo = mongo;
		List.of(kafka, s3, redis, mongo).forEach((component) -> this.components.put(component.component(), component));
	}

	/**
	 * Starts every component and waits until each accepts connections.
	 * @param settings ports (0 = free), directories and credentials
	 * @return the running devstack
	 * @throws DevstackException naming the port, process, directory or log at fault;
	 * nothing is left running then
	 */
	static Devstack start(DevstackSettings settings) {
		return start(settings, (pid) -> {
		});
	}

	/**
	 * Starts every component, telling the listener each child's pid as soon as it runs.
	 * @param settings ports (0 = free), directories and credentials
	 * @param childStarted receives child process ids (also of restarts)
	 * @return the running devstack
	 */
	static Devstack start(DevstackSettings settings, LongConsumer childStarted) {
		// Ports first: a taken port must fail before anything is created or started.
		java.util.Set<Integer> taken = new java.util.HashSet<>();
		int kafkaPort = resolve(settings.kafkaPort(), "Kafka broker", taken);
		int controllerPort = resolve(settings.kafkaControllerPort(), "Kafka KRaft controller", taken);
		int redisPort = resolve(settings.redisPort(), "Redis", taken);
		int s3Port = resolve(settings.s3Port(), "S3", taken);
		int mongoPort = resolve(settings.mongoPort(), "MongoDB", taken);
		requireWritable(settings.dataDir(), "data dir");
		requireWritable(settings.logDir(), "log dir");
		S3Credentials credentials = S3Credentials.resolve(settings.dataDir(), settings.s3AccessKey(),
				settings.s3SecretKey());
		Artifacts artifacts = Artifacts.locate();
		Devstack devstack = new Devstack(settings, credentials, childStarted,
				new KafkaBroker(settings.dataDir(), settings.logDir(), kafkaPort, controllerPort, artifacts),
				new S3Server(settings.dataDir(), settings.logDir(), s3Port, credentials, artifacts),
				new RedisServer(settings.dataDir(), settings.logDir(), redisPort, settings.durable()),
				new MongoWireServer(settings.dataDir(), mongoPort));
		try {
			// Kafka last: its storage format runs before its launch returns, so the other
			// children boot meanwhile.
			List.of(devstack.s3, devstack.redis, devstack.mongo, devstack.kafka).forEach(devstack::launch);
			devstack.components.values().forEach((component) -> component.awaitReady(settings.startTimeout()));
		}
		catch (RuntimeException ex) {
			devstack.stopAll();
			throw ex;
		}
		devstack.components.values()
			.forEach((component) -> logger.info("{} ready at {}", component.component().displayName(),
					component.where()));
		return devstack;
	}

	private void launch(ManagedComponent component) {
		component.launch();
		component.pid().ifPresent(this.childStarted);
	}

	private static int resolve(int port, String component, java.util.Set<Integer> taken) {
		if (port == 0) {
			int free = Ports.free();
			while (!taken.add(free)) {
				free = Ports.free();
			}
			return free;
		}
		if (port < 1 || port > 65535) {
			throw new DevstackException("Port " + port + " for " + component + " is not between 1 and 65535");
		}
		if (!taken.add(port)) {
			throw new DevstackException("Port " + port + " is given to more than one component (" + component + ")");
		}
		Ports.requireFree(port, component);
		return port;
	}

	/**
	 * Fails naming the holder when one of the fixed (non-zero) ports is taken.
	 * @param settings the ports to check
	 */
	static void requireFixedPortsFree(DevstackSettings settings) {
		resolve(settings.kafkaPort(), "Kafka broker", new java.util.HashSet<>());
		resolve(settings.kafkaControllerPort(), "Kafka KRaft controller", new java.util.HashSet<>());
		resolve(settings.redisPort(), "Redis", new java.util.HashSet<>());
		resolve(settings.s3Port(), "S3", new java.util.HashSet<>());
		resolve(settings.mongoPort(), "MongoDB", new java.util.HashSet<>());
	}

	static void requireWritable(Path dir, String what) {
		try {
			Files.createDirectories(dir);
			Path probe = Files.createTempFile(dir, ".write-probe", ".tmp");
			Files.delete(probe);
		}
		catch (IOException | RuntimeException ex) {
			throw new DevstackException("The " + what + " " + dir.toAbsolutePath() + " is not writable ("
					+ ex.getClass().getSimpleName() + ": " + ex.getMessage() + "); choose another with --"
					+ what.replace(' ', '-') + " or fix its permissions", ex);
		}
	}

	@Override
	public String mode() {
		return "devstack";
	}

	@Override
	public String kafkaBootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	@Override
	public String redisHost() {
		return DevstackSettings.HOST;
	}

	@Override
	public int redisPort() {
		return this.redis.port();
	}

	@Override
	public String s3Endpoint() {
		return this.s3.endpoint();
	}

	@Override
	public String s3AccessKey() {
		return this.credentials.accessKey();
	}

	@Override
	public String s3SecretKey() {
		return this.credentials.secretKey();
	}

	@Override
	public String mongoUri() {
		return this.mongo.uri();
	}

	@Override
	public synchronized void stop(Component component) {
		ManagedComponent managed = this.components.get(component);
		logger.info("Stopping {} (fault control)", component.displayName());
		managed.stop();
	}

	@Override
	public synchronized void start(Component component) {
		ManagedComponent managed = this.components.get(component);
		if (managed.running()) {
			return;
		}
		launch(managed);
		managed.awaitReady(this.settings.startTimeout());
		logger.info("{} started again at {}", component.displayName(), managed.where());
	}

	/**
	 * Where each component listens, one line per component.
	 * @return lines for the console
	 */
	List<String> whereLines() {
		List<String> lines = new ArrayList<>();
		this.components.values()
			.forEach((component) -> lines.add(component.component().displayName() + ": " + component.where()));
		return lines;
	}

	/**
	 * The child processes' ids, for a launcher that cleans up orphans.
	 * @return pids of running children
	 */
	List<Long> childPids() {
		List<Long> pids = new ArrayList<>();
		this.components.values().forEach((component) -> component.pid().ifPresent(pids::add));
		return pids;
	}

	Path logDir() {
		return this.settings.logDir();
	}

	@Override
	public synchronized void close() {
		stopAll();
		if (this.settings.deleteDataOnClose()) {
			deleteRecursively(this.settings.dataDir());
		}
	}

	private void stopAll() {
		List<ManagedComponent> reversed = new ArrayList<>(this.components.values());
		java.util.Collections.reverse(reversed);
		for (ManagedComponent component : reversed) {
			try {
				component.stop();
			}
			catch (RuntimeException ex) {
				logger.warn("Stopping {} failed", component.component().displayName(), ex);
			}
		}
	}

	private static void deleteRecursively(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try {
			Files.walkFileTree(dir, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					Files.delete(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path visited, IOException failure) throws IOException {
					Files.delete(visited);
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException ex) {
			logger.warn("Could not delete the devstack data dir {}: {}", dir, ex.getMessage());
		}
	}

}
