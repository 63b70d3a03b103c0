package dev.vigil.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;

/**
 * {@code ./vigil up}'s infrastructure: starts devstack on fixed ports with data under
 * {@code --data-dir}, writes {@code devstack.env} and {@code devstack-children.pids} to
 * {@code --run-dir}, prints {@code devstack ready}, and stops every child on
 * SIGINT/SIGTERM.
 * <p>
 * {@code java -cp "devstack/target/devstack-0.1.0-SNAPSHOT.jar:devstack/target/lib/*"
 * dev.vigil.devstack.DevstackMain up --data-dir .vigil/data --run-dir .vigil/run}
 */
public final class DevstackMain {

	static final String ENV_FILE = "devstack.env";

	static final String PIDS_FILE = "devstack-children.pids";

	static final String READY_LINE = "devstack ready";

	/** Exit status for wrong usage (sysexits EX_USAGE). */
	static final int USAGE = 64;

	private static final String HELP = """
			usage: DevstackMain up [options]
			  --data-dir DIR               data of every component, kept across restarts (.vigil/data)
			  --run-dir DIR                devstack.env and devstack-children.pids (.vigil/run)
			  --log-dir DIR                child process logs (.vigil/logs/devstack)
			  --kafka-port N               Kafka broker (9092)
			  --kafka-controller-port N    Kafka KRaft controller (9093)
			  --redis-port N               Redis (6379)
			  --s3-port N                  S3Proxy (9000)
			  --mongo-port N               MongoDB wire server (27017)
			  --mqtt-port N                Mosquitto MQTT broker (1883); skipped when mosquitto is not installed
			  --s3-access-key KEY          with --s3-secret-key; generated once per data dir when absent
			  --s3-secret-key SECRET
			  --start-timeout SECONDS      per component (120)
			""";

	private DevstackMain() {
	}

	public static void main(String[] args) {
		int status = run(args, System.out, System.err);
		if (status != 0) {
			System.exit(status);
		}
	}

	/**
	 * Runs the CLI; {@code up} blocks until the JVM is asked to stop.
	 * @return the exit status when it returns (errors)
	 */
	static int run(String[] args, PrintStream out, PrintStream err) {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println("devstack: " + ex.getMessage());
			err.print(HELP);
			return USAGE;
		}
		if (options == null) {
			out.print(HELP);
			return 0;
		}
		Running running;
		try {
			running = start(options, out);
		}
		catch (DevstackException ex) {
			err.println("devstack: " + ex.getMessage());
			return 1;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			running.close();
			out.println("devstack stopped");
			out.flush();
		}, "devstack-shutdown"));
		awaitShutdown();
		return 0;
	}

	/**
	 * Starts devstack and writes the run files. Package-private so tests can start and
	 * stop it without a JVM exit.
	 */
	static Running start(Options options, PrintStream out) {
		// A taken port is reported before anything is created, printed or started.
		Devstack.requireFixedPortsFree(options.settings());
		if (MosquittoBroker.available()) {
			Ports.requireFree(options.mqttPort, "MQTT (Mosquitto)");
		}
		Devstack.requireWritable(options.runDir, "run dir");
		Path pidsFile = options.runDir.resolve(PIDS_FILE);
		Path envFile = options.runDir.resolve(ENV_FILE);
		deleteQuietly(envFile);
		out.println("devstack: starting Kafka, S3, Redis and MongoDB with data in " + options.dataDir.toAbsolutePath());
		Devstack devstack = Devstack.start(options.settings(), (pid) -> appendPid(pidsFile, pid));
		Running running = new Running(devstack, envFile, pidsFile);
		Map<String, String> env = env(devstack);
		try {
			if (MosquittoBroker.available()) {
				MqttAccounts accounts = MqttAccounts.resolve(options.dataDir);
				MosquittoBroker mqtt = MosquittoBroker.start(options.dataDir.resolve("mosquitto"),
						options.logDir.resolve("mosquitto.log"), options.mqttPort, accounts.all(),
						options.startTimeout);
				running.mqtt = mqtt;
				mqtt.pid().ifPresent((pid) -> appendPid(pidsFile, pid));
				env.putAll(mqttEnv(mqtt, accounts));
			}
			else {
				out.println("devstack: no mosquitto installed (Debian package mosquitto): MQTT alerts are off");
			}
			writePrivately(envFile, lines(env));
		}
		catch (RuntimeException ex) {
			running.close();
			throw ex;
		}
		devstack.whereLines().forEach((line) -> out.println("  " + line));
		if (running.mqtt != null) {
			out.println("  MQTT: " + running.mqtt.where());
		}
		out.println("  environment for services: " + envFile.toAbsolutePath());
		out.println(READY_LINE);
		out.flush();
		return running;
	}

	static Map<String, String> env(Infrastructure infrastructure) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("VIGIL_KAFKA_BOOTSTRAP", infrastructure.kafkaBootstrapServers());
		env.put("VIGIL_REDIS_HOST", infrastructure.redisHost());
		env.put("VIGIL_REDIS_PORT", String.valueOf(infrastructure.redisPort()));
		env.put("VIGIL_S3_ENDPOINT", infrastructure.s3Endpoint());
		env.put("VIGIL_S3_ACCESS_KEY", infrastructure.s3AccessKey());
		env.put("VIGIL_S3_SECRET_KEY", infrastructure.s3SecretKey());
		env.put("VIGIL_S3_BUCKET", infrastructure.s3Bucket());
		env.put("VIGIL_MONGO_URI", infrastructure.mongoUri());
		return env;
	}

	static Map<String, String> mqttEnv(MosquittoBroker mqtt, MqttAccounts accounts) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("VIGIL_MQTT_HOST", mqtt.host());
		env.put("VIGIL_MQTT_PORT", String.valueOf(mqtt.port()));
		env.put("VIGIL_MQTT_USER", accounts.reader().user());
		env.put("VIGIL_MQTT_PASSWORD", accounts.reader().password());
		env.put("VIGIL_MQTT_SERVICE_USER", accounts.service().user());
		env.put("VIGIL_MQTT_SERVICE_PASSWORD", accounts.service().password());
		return env;
	}

	private static String lines(Map<String, String> env) {
		StringBuilder lines = new StringBuilder();
		env.forEach((key, value) -> lines.append(key).append('=').append(value).append('\n'));
		return lines.toString();
	}

	private static synchronized void appendPid(Path pidsFile, long pid) {
		try {
			Files.writeString(pidsFile, pid + "\n", java.nio.file.StandardOpenOption.CREATE,
					java.nio.file.StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new DevstackException("Cannot write " + pidsFile + ": " + ex.getMessage(), ex);
		}
	}

	/** Written to a temp file and moved, so a reader never sees half a file. */
	private static void writePrivately(Path file, String content) {
		try {
			Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(temp, content);
			Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new DevstackException("Cannot write " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// Overwritten later anyway.
		}
	}

	private static void awaitShutdown() {
		try {
			new CountDownLatch(1).await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A started devstack and its run files; closing stops the children and removes them.
	 */
	static final class Running implements AutoCloseable {

		private final Devstack devstack;

		private final Path envFile;

		private final Path pidsFile;

		private boolean closed;

		private @Nullable MosquittoBroker mqtt;

		Running(Devstack devstack, Path envFile, Path pidsFile) {
			this.devstack = devstack;
			this.envFile = envFile;
			this.pidsFile = pidsFile;
		}

		Devstack devstack() {
			return this.devstack;
		}

		@Override
		public synchronized void close() {
			if (this.closed) {
				return;
			}
			this.closed = true;
			deleteQuietly(this.envFile);
			if (this.mqtt != null) {
				this.mqtt.close();
			}
			this.devstack.close();
			deleteQuietly(this.pidsFile);
		}

	}

	/** Parsed command line. */
	record Options(Path dataDir, Path runDir, Path logDir, int kafkaPort, int kafkaControllerPort, int redisPort,
			int s3Port, int mongoPort, int mqttPort, @Nullable String s3AccessKey, @Nullable String s3SecretKey,
			Duration startTimeout) {

		/**
		 * @return the options, or null when help was asked for
		 * @throws IllegalArgumentException on a wrong command line
		 */
		static @Nullable Options parse(String[] args) {
			if (args.length == 0 || List.of("help", "--help", "-h").contains(args[0])) {
				if (args.length == 0) {
					throw new IllegalArgumentException("missing command (up)");
				}
				return null;
			}
			if (!args[0].equals("up")) {
				throw new IllegalArgumentException("unknown command '" + args[0] + "' (expected up)");
			}
			Map<String, String> values = new LinkedHashMap<>();
			List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
			for (int i = 0; i < rest.size(); i++) {
				String arg = rest.get(i);
				if (!arg.startsWith("--")) {
					throw new IllegalArgumentException("unexpected argument '" + arg + "'");
				}
				String name = arg.substring(2);
				String value;
				int equals = name.indexOf('=');
				if (equals >= 0) {
					value = name.substring(equals + 1);
					name = name.substring(0, equals);
				}
				else {
					if (i + 1 >= rest.size()) {
						throw new IllegalArgumentException("--" + name + " needs a value");
					}
					value = rest.get(++i);
				}
				if (!HELP.contains("--" + name + " ")) {
					throw new IllegalArgumentException("unknown option --" + name);
				}
				values.put(name, value);
			}
			Path runDir = Path.of(values.getOrDefault("run-dir", ".vigil/run"));
			return new Options(Path.of(values.getOrDefault("data-dir", ".vigil/data")), runDir,
					Path.of(values.getOrDefault("log-dir", ".vigil/logs/devstack")), port(values, "kafka-port", 9092),
					port(values, "kafka-controller-port", 9093), port(values, "redis-port", 6379),
					port(values, "s3-port", 9000), port(values, "mongo-port", 27017), port(values, "mqtt-port", 1883),
					values.get("s3-access-key"), values.get("s3-secret-key"),
					Duration.ofSeconds(number(values, "start-timeout", 120, 1, 3600)));
		}

		private static int port(Map<String, String> values, String name, int fallback) {
			return number(values, name, fallback, 1, 65535);
		}

		private static int number(Map<String, String> values, String name, int fallback, int min, int max) {
			String value = values.get(name);
			if (value == null) {
				return fallback;
			}
			try {
				int number = Integer.parseInt(value);
				if (number < min || number > max) {
					throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max);
				}
				return number;
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("--" + name + " must be a number, not '" + value + "'");
			}
		}

		DevstackSettings settings() {
			return new DevstackSettings(this.dataDir, this.logDir, this.kafkaPort, this.kafkaControllerPort,
					this.redisPort, this.s3Port, this.mongoPort, this.s3AccessKey, this.s3SecretKey, true, false,
					this.startTimeout);
		}

	}

}
