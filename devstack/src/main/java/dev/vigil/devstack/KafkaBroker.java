package dev.vigil.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft Kafka broker (broker + controller) from the {@code kafka_2.13}
 * jars, in a child JVM: the broker brings Scala, its own Jackson modules and Log4j, none
 * of which belong on a service's test classpath, and a child can be stopped and restarted
 * like a real outage.
 */
final class KafkaBroker extends ChildProcessComponent {

	private final Path dir;

	private final Path logFile;

	private final int port;

	private final int controllerPort;

	private final Artifacts artifacts;

	KafkaBroker(Path dataDir, Path logDir, int port, int controllerPort, Artifacts artifacts) {
		this.dir = dataDir.resolve("kafka");
		this.logFile = logDir.resolve("kafka.log");
		this.port = port;
		this.controllerPort = controllerPort;
		this.artifacts = artifacts;
	}

	String bootstrapServers() {
		return DevstackSettings.HOST + ":" + this.port;
	}

	@Override
	public Component component() {
		return Component.KAFKA;
	}

	@Override
	public void launch() {
		if (running()) {
			return;
		}
		try {
			Files.createDirectories(this.dir);
			Path properties = this.dir.resolve("server.properties");
			Files.writeString(properties, serverProperties());
			if (!Files.exists(this.dir.resolve("logs").resolve("meta.properties"))) {
				format(properties);
			}
			List<String> command = new ArrayList<>(javaCommand());
			command.addAll(List.of("kafka.Kafka", properties.toString()));
			this.process = ChildProcess.start("Kafka", command, this.dir, this.logFile);
		}
		catch (IOException ex) {
			throw new DevstackException("Cannot prepare Kafka under " + this.dir + ": " + ex.getMessage(), ex);
		}
	}

	/** KRaft storage is formatted once; the cluster id then lives in meta.properties. */
	private void format(Path properties) {
		List<String> command = new ArrayList<>(javaCommand());
		command.addAll(List.of("kafka.tools.StorageTool", "format", "--ignore-formatted", "-t",
				Uuid.randomUuid().toString(), "-c", properties.toString()));
		ChildProcess formatter = ChildProcess.start("Kafka storage format", command, this.dir, this.logFile);
		try {
			Await.until("Kafka storage format", Duration.ofSeconds(60), null, this.logFile.toString(),
					() -> !formatter.isAlive());
		}
		finally {
			formatter.stop(Duration.ofSeconds(1));
		}
		if (!Files.exists(this.dir.resolve("logs").resolve("meta.properties"))) {
			throw new DevstackException(
					"Formatting Kafka storage under " + this.dir + " failed; see " + this.logFile + formatter.tail());
		}
	}

	private List<String> javaCommand() {
		List<String> command = new ArrayList<>();
		// Small heap, the serial collector and C1 only: a dev broker on a 2-core machine
		// or a
		// Pi. C1 halved the broker's start time and CPU on a loaded 2-core machine.
		command.addAll(List.of(ChildProcess.javaExecutable(), "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
				"-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-Dorg.slf4j.simpleLogger.showDateTime=true",
				"-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
				"-Dlog4j2.statusLoggerLevel=ERROR"));
		command.addAll(this.artifacts.parentWatchOptions());
		command.addAll(List.of("-cp", this.artifacts.kafkaClasspath()));
		return command;
	}

	private String serverProperties() {
		String host = DevstackSettings.HOST;
		Map<String, String> settings = new java.util.LinkedHashMap<>();
		settings.put("process.roles", "broker,controller");
		settings.put("node.id", "1");
		settings.put("controller.quorum.voters", "1@" + host + ":" + this.controllerPort);
		settings.put("listeners",
				"PLAINTEXT://" + host + ":" + this.port + ",CONTROLLER://" + host + ":" + this.controllerPort);
		settings.put("advertised.listeners", "PLAINTEXT://" + host + ":" + this.port);
		settings.put("controller.listener.names", "CONTROLLER");
		settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		settings.put("inter.broker.listener.name", "PLAINTEXT");
		settings.put("log.dirs", this.dir.resolve("logs").toString());
		settings.put("auto.create.topics.enable", "true");
		settings.put("num.partitions", "1");
		// One node: every internal topic has one replica, and few partitions keep the
		// first
		// consumer-group join fast on small machines.
		settings.put("offsets.topic.replication.factor", "1");
		settings.put("offsets.topic.num.partitions", "5");
		settings.put("transaction.state.log.replication.factor", "1");
		settings.put("transaction.state.log.min.isr", "1");
		settings.put("transaction.state.log.num.partitions", "5");
		settings.put("share.coordinator.state.topic.replication.factor", "1");
		settings.put("share.coordinator.state.topic.min.isr", "1");
		settings.put("default.replication.factor", "1");
		settings.put("min.insync.replicas", "1");
		settings.put("group.initial.rebalance.delay.ms", "0");
		StringBuilder text = new StringBuilder("# Written by Vigil devstack on every start\n");
		settings.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
		return text.toString();
	}

	@Override
	public void awaitReady(Duration timeout) {
		ChildProcess child = this.process;
		String what = "Kafka on " + bootstrapServers();
		Await.until(what, timeout, child, this.logFile.toString(), () -> Ports.accepts(this.port));
		// One admin client for all attempts: each new client logs its whole
		// configuration.
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				3000, AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200))) {
			Await.until(what, timeout, child, this.logFile.toString(), () -> hasBroker(admin));
		}
	}

	private static boolean hasBroker(Admin admin) {
		try {
			return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (Exception ex) {
			return false;
		}
	}

	@Override
	public void stop() {
		ChildProcess child = this.process;
		if (child != null) {
			child.stop(Duration.ofSeconds(30));
			this.process = null;
		}
	}

	@Override
	public String where() {
		return bootstrapServers() + " (KRaft controller " + DevstackSettings.HOST + ":" + this.controllerPort
				+ ", child pid " + pid().orElse(-1) + ", log " + this.logFile + ")";
	}

}
