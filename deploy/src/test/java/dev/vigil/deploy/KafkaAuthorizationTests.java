package dev.vigil.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka with SASL/SCRAM and ACLs (#15 must-fix 9): no client reaches the broker without
 * its own user, and each user may do only what its pipeline step does
 * (deploy/kafka/acls.txt); the edge in particular may only produce uploads and heartbeats
 * and read its cameras.
 */
class KafkaAuthorizationTests {

	/** Compose/k8s service to its SCRAM user and password variable. */
	private static final Map<String, String> USERS = Map.of("ingest-service", "KAFKA_INGEST_PASSWORD",
			"processing-service", "KAFKA_PROCESSING_PASSWORD", "catalog-api", "KAFKA_CATALOG_PASSWORD",
			"notification-service", "KAFKA_NOTIFICATION_PASSWORD");

	private static Map<String, Map<String, Object>> compose(String file) {
		return ComposePolicy.services(ComposePolicy.load(Repository.resolve(file)));
	}

	/** user to "Operation resource name" for every grant of acls.txt. */
	private static Map<String, Set<String>> grants() throws IOException {
		Map<String, Set<String>> grants = new java.util.TreeMap<>();
		for (String line : Files.readAllLines(Repository.resolve("deploy/kafka/acls.txt"))) {
			String[] fields = line.strip().split("\\s+");
			if (fields[0].isEmpty() || fields[0].startsWith("#")) {
				continue;
			}
			assertThat(fields).as(line).hasSize(4);
			for (String operation : fields[1].split(",")) {
				for (String name : fields[3].split(",")) {
					grants.computeIfAbsent(fields[0], (user) -> new TreeSet<>())
						.add(operation + " " + fields[2] + " " + name);
				}
			}
		}
		return grants;
	}

	@Test
	void composeBrokerAuthenticatesEveryClientAndAuthorisesWithAcls() {
		Map<String, String> kafka = ComposePolicy.environment(compose("docker-compose.yml").get("kafka"));
		assertThat(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"))
			.isEqualTo("CONTROLLER:PLAINTEXT,INTERNAL:SASL_PLAINTEXT,EXTERNAL:SASL_PLAINTEXT");
		// The one PLAINTEXT listener (the controller's, whose ANONYMOUS principal is
		// super)
		// answers on loopback only.
		assertThat(kafka.get("KAFKA_LISTENERS")).contains("CONTROLLER://localhost:9093");
		assertThat(kafka)
			.containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
			.containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
			.containsEntry("KAFKA_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512")
			.containsEntry("KAFKA_LISTENER_NAME_EXTERNAL_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512");
		Map<String, Object> init = compose("docker-compose.yml").get("kafka-init");
		assertThat(String.valueOf(init.get("image"))).startsWith("apache/kafka:");
		assertThat((List<?>) init.get("volumes")).map(String::valueOf)
			.containsExactly("./deploy/kafka:/vigil/kafka:ro");
		assertThat(ComposePolicy.environment(init)).containsKeys(USERS.values().toArray(String[]::new));
	}

	@Test
	void everyComposeClientAuthenticatesAsItsOwnUserAfterKafkaInit() {
		USERS.forEach((service, password) -> {
			Map<String, Object> definition = compose("docker-compose.yml").get(service);
			assertThat(ComposePolicy.dependencies(definition)).as(service)
				.containsEntry("kafka-init", "service_completed_successfully");
			assertClient(service, password, ComposePolicy.environment(definition));
		});
		assertClient("ingest-service", "KAFKA_INGEST_PASSWORD",
				ComposePolicy.environment(compose("docker-compose.edge.yml").get("ingest-service")));
	}

	private static void assertClient(String user, String password, Map<String, String> environment) {
		assertThat(environment).as(user)
			.containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
			.containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
		assertThat(environment.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")).as(user)
			.startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
					+ "\" password=\"${" + password + ":?");
	}

	@Test
	void theEdgeMayOnlyProduceUploadsAndHeartbeatsAndReadItsCameras() throws IOException {
		assertThat(grants().get("ingest-service")).containsExactlyInAnyOrder("Write topic media.uploaded",
				"Describe topic media.uploaded", "Create topic media.uploaded", "Write topic edge.heartbeat",
				"Describe topic edge.heartbeat", "Create topic edge.heartbeat", "Read topic camera.config",
				"Describe topic camera.config");
	}

	@Test
	void eachTopicHasOneWriterAndNoUserMayAlterOrDeleteAnything() throws IOException {
		Map<String, Set<String>> grants = grants();
		assertThat(grants.keySet()).containsExactlyInAnyOrderElementsOf(USERS.keySet());
		Map<String, String> writers = Map.of("media.uploaded", "ingest-service", "edge.heartbeat", "ingest-service",
				"media.processed", "processing-service", "camera.config", "catalog-api", "camera.detection",
				"catalog-api", "motion.events", "catalog-api");
		grants.forEach((user, granted) -> {
			assertThat(granted).noneMatch((grant) -> grant.matches("(All|Alter|AlterConfigs|Delete|ClusterAction) .*"));
			assertThat(granted).noneMatch((grant) -> grant.contains(" cluster "));
			writers.forEach((topic, writer) -> {
				if (!user.equals(writer)) {
					assertThat(granted).as("%s writes %s", user, topic).doesNotContain("Write topic " + topic);
				}
			});
		});
		assertThat(grants.get("processing-service")).contains("Read group processing", "Read topic camera.detection")
			.doesNotContain("Read group catalog", "Read topic camera.config");
		assertThat(grants.get("notification-service")).contains("Read topic motion.events", "Read group notification")
			.noneMatch((grant) -> grant.startsWith("Read topic media.processed"))
			.noneMatch((grant) -> grant.startsWith("Write ") && !grant.endsWith(".notification.dlq"));
	}

	@Test
	void notificationSystemAlertsMayReadTheirFeedsAndSeeEveryDeadLetterTopic() throws IOException {
		Map<String, Set<String>> grants = grants();
		Set<String> notification = grants.get("notification-service");
		// notify/system: silent cameras and edge health (KafkaFeed, two groups of its
		// own).
		String source = Files.readString(Repository
			.resolve("notification-service/src/main/java/dev/vigil/notify/system/SystemConfiguration.java"));
		for (String group : List.of("notification-system", "notification-system-cameras")) {
			assertThat(source).contains("\"" + group + "\"");
			assertThat(notification).contains("Read group " + group);
		}
		for (String topic : List.of("media.uploaded", "edge.heartbeat", "camera.config")) {
			assertThat(notification).contains("Read topic " + topic, "Describe topic " + topic);
		}
		// Growing dead letters (DeadLetters: listTopics + end offsets need Describe):
		// every
		// *.dlq topic some service writes.
		grants.values()
			.stream()
			.flatMap(Set::stream)
			.filter((grant) -> grant.startsWith("Write topic ") && grant.endsWith(".dlq"))
			.forEach((grant) -> assertThat(notification).contains(grant.replace("Write ", "Describe ")));
	}

	@Test
	void kafkaInitCreatesTheScramUsersAndEveryAclOfTheFile(@TempDir Path dir) throws IOException {
		Path log = dir.resolve("calls.log");
		Processes.Result result = runInit(dir, log, Map.of());
		assertThat(result.exitCode()).as(result.stderr()).isZero();
		List<String> calls = Files.readAllLines(log);
		USERS.forEach((user,
				password) -> assertThat(calls).anyMatch((call) -> call.startsWith("kafka-configs.sh ")
						&& call.contains("--entity-name " + user + " ")
						&& call.endsWith("--add-config SCRAM-SHA-512=[iterations=8192,password=pw-" + user + "]")));
		assertThat(calls).contains("kafka-acls.sh --bootstrap-server kafka:9092 --command-config ADMIN --add "
				+ "--allow-principal User:ingest-service --operation Read --operation Describe --topic camera.config");
		long lines = Files.readAllLines(Repository.resolve("deploy/kafka/acls.txt"))
			.stream()
			.filter((line) -> !line.isBlank() && !line.startsWith("#"))
			.count();
		assertThat(calls.stream().filter((call) -> call.startsWith("kafka-acls.sh "))).hasSize((int) lines);
		// The admin authenticates with SASL/PLAIN over the internal listener.
		assertThat(Files.readString(dir.resolve("admin.properties"))).contains("sasl.mechanism=PLAIN",
				"username=\"admin\" password=\"admin-pw\"");
	}

	@Test
	void kafkaInitRefusesAServiceWithoutAPassword(@TempDir Path dir) throws IOException {
		Processes.Result result = runInit(dir, dir.resolve("calls.log"), Map.of("KAFKA_CATALOG_PASSWORD", ""));
		assertThat(result.exitCode()).isNotZero();
		assertThat(result.stderr()).contains("no password for catalog-api");
	}

	@Test
	void devBrokerAndItsInitJobMatchCompose() {
		Container broker = Rendered.named("overlays/dev", StatefulSet.class, "kafka")
			.getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.getFirst();
		Map<String, String> env = new java.util.HashMap<>();
		for (EnvVar var : broker.getEnv()) {
			env.put(var.getName(), String.valueOf(var.getValue()));
		}
		Map<String, String> compose = ComposePolicy.environment(compose("docker-compose.yml").get("kafka"));
		for (String key : List.of("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "KAFKA_AUTHORIZER_CLASS_NAME",
				"KAFKA_SUPER_USERS", "KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "KAFKA_SASL_ENABLED_MECHANISMS",
				"KAFKA_LISTENER_NAME_INTERNAL_SASL_ENABLED_MECHANISMS",
				"KAFKA_LISTENER_NAME_EXTERNAL_SASL_ENABLED_MECHANISMS", "KAFKA_SASL_MECHANISM_INTER_BROKER_PROTOCOL",
				"KAFKA_INTER_BROKER_LISTENER_NAME")) {
			assertThat(env.get(key)).as(key).isEqualTo(compose.get(key));
		}
		Job init = Rendered.named("overlays/dev", Job.class, "kafka-init");
		assertThat(init.getSpec().getTemplate().getSpec().getContainers().getFirst().getCommand())
			.containsExactly("/bin/bash", "/vigil/kafka/init.sh");
	}

	@ParameterizedTest
	@ValueSource(strings = { "overlays/dev", "overlays/production", "overlays/edge" })
	void everyKubernetesClientAuthenticatesAsItsOwnUser(String target) {
		Map<String, String> config = Rendered.generatedConfigMap(target, "vigil-config").getData();
		assertThat(config).containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
		assertThat(config.get("SPRING_KAFKA_SECURITY_PROTOCOL"))
			.isEqualTo(target.equals("overlays/production") ? "SASL_SSL" : "SASL_PLAINTEXT");
		for (var deployment : Rendered.objects(target, io.fabric8.kubernetes.api.model.apps.Deployment.class)) {
			String name = deployment.getMetadata().getName();
			if (!USERS.containsKey(name)) {
				continue;
			}
			List<EnvVar> env = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv();
			List<String> names = new ArrayList<>(env.stream().map(EnvVar::getName).toList());
			assertThat(env).anyMatch((var) -> var.getName().equals("KAFKA_PASSWORD")
					&& var.getValueFrom().getSecretKeyRef().getKey().equals(USERS.get(name)));
			assertThat(env).anyMatch((var) -> var.getName().equals("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")
					&& var.getValue().contains("username=\"" + name + "\" password=\"$(KAFKA_PASSWORD)\""));
			// $(VAR) expands only variables defined earlier in the list.
			assertThat(names.indexOf("KAFKA_PASSWORD"))
				.isLessThan(names.indexOf("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"));
		}
	}

	private static Processes.Result runInit(Path dir, Path log, Map<String, String> overrides) throws IOException {
		Path bin = Files.createDirectories(dir.resolve("bin"));
		// Stand-ins for the Kafka tools: log the call (the admin file as ADMIN, kept
		// aside).
		for (String tool : List.of("kafka-configs.sh", "kafka-acls.sh")) {
			Path script = bin.resolve(tool);
			Files.writeString(script, """
					#!/bin/bash
					args=()
					while [ $# -gt 0 ]; do
					  if [ "$1" = --command-config ]; then cp "$2" "$SAVED"; args+=("$1" ADMIN); shift 2; continue; fi
					  args+=("$1"); shift
					done
					echo "$(basename "$0") ${args[*]}" >>"$CALLS"
					""");
			Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
		Map<String, String> env = new java.util.LinkedHashMap<>();
		env.put("PATH", System.getenv("PATH"));
		env.put("KAFKA_BIN", bin.toString());
		env.put("CALLS", log.toString());
		env.put("SAVED", dir.resolve("admin.properties").toString());
		env.put("VIGIL_KAFKA_ADMIN_PASSWORD", "admin-pw");
		USERS.forEach((user, variable) -> env.put(variable, "pw-" + user));
		env.putAll(overrides);
		List<String> command = new ArrayList<>(List.of("env", "-i"));
		env.forEach((key, value) -> command.add(key + "=" + value));
		command.addAll(List.of("bash", Repository.resolve("deploy/kafka/init.sh").toString()));
		return Processes.run(dir, command, 60);
	}

}
