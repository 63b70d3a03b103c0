package dev.vigil.deploy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds docker-compose.yml and docker-compose.edge.yml to the Compose policy and checks
 * that they run what the operations guide promises. No Docker engine is available where
 * this runs, so the files are checked as YAML; {@code docker compose config} is the check
 * on a machine with Docker (docs/operations.md).
 */
class ComposeFilesTests {

	private static Map<String, Object> load(String file) {
		return ComposePolicy.load(Repository.resolve(file));
	}

	private static Map<String, Object> service(String file, String name) {
		Map<String, Object> service = ComposePolicy.services(load(file)).get(name);
		assertThat(service).as("service %s in %s", name, file).isNotNull();
		return service;
	}

	@ParameterizedTest
	@ValueSource(strings = { "docker-compose.yml", "docker-compose.edge.yml" })
	void followsThePolicy(String file) {
		assertThat(ComposePolicy.violations(Repository.resolve(file))).as("violations in %s", file).isEmpty();
	}

	@Test
	void runsTheWholePlatformWithRealInfrastructure() {
		assertThat(ComposePolicy.services(load("docker-compose.yml")).keySet()).containsExactlyInAnyOrder("mongodb",
				"kafka", "kafka-init", "redis", "minio", "minio-init", "mosquitto", "identity-service", "catalog-api",
				"processing-service", "notification-service", "ui", "gateway-edge", "ingest-service");
		assertThat(service("docker-compose.yml", "kafka").get("image").toString()).startsWith("apache/kafka:");
		assertThat(ComposePolicy.environment(service("docker-compose.yml", "kafka")))
			.containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
	}

	@Test
	void startsEveryVigilServiceInTheProductionProfile() {
		for (String name : List.of("identity-service", "catalog-api", "processing-service", "notification-service",
				"ui", "gateway-edge", "ingest-service")) {
			assertThat(ComposePolicy.environment(service("docker-compose.yml", name)))
				.containsEntry("SPRING_PROFILES_ACTIVE", "production");
		}
		assertThat(ComposePolicy.environment(service("docker-compose.edge.yml", "ingest-service")))
			.containsEntry("SPRING_PROFILES_ACTIVE", "production");
	}

	@Test
	void waitsForHealthyDependencies() {
		Map<String, String> dependencies = ComposePolicy.dependencies(service("docker-compose.yml", "catalog-api"));
		assertThat(dependencies).containsEntry("kafka", "service_healthy")
			.containsEntry("mongodb", "service_healthy")
			.containsEntry("redis", "service_healthy")
			.containsEntry("minio-init", "service_completed_successfully");
	}

	@Test
	void alertsGoToMosquittoWithAPasswordPerClientAndTheGatewayRoutesTheirApi() {
		Map<String, String> notification = ComposePolicy
			.environment(service("docker-compose.yml", "notification-service"));
		assertThat(notification).containsEntry("VIGIL_NOTIFICATION_MQTT_ENABLED", "true")
			.containsEntry("VIGIL_NOTIFICATION_MQTT_URI", "tcp://mosquitto:1883")
			.containsEntry("VIGIL_NOTIFICATION_MQTT_PASSWORD",
					"${VIGIL_MQTT_SERVICE_PASSWORD:?run deploy/gen-secrets.sh compose}")
			.containsKeys("VIGIL_NOTIFICATION_SECRET_KEY", "VIGIL_ISSUER_URI", "SPRING_MONGODB_URI",
					"VIGIL_S3_ACCESS_KEY");
		assertThat(ComposePolicy.dependencies(service("docker-compose.yml", "notification-service")))
			.containsEntry("mosquitto", "service_healthy")
			.containsEntry("kafka", "service_healthy")
			.containsEntry("mongodb", "service_healthy");
		Map<String, String> broker = ComposePolicy.environment(service("docker-compose.yml", "mosquitto"));
		assertThat(broker.get("VIGIL_MQTT_SERVICE_USER"))
			.isEqualTo(notification.get("VIGIL_NOTIFICATION_MQTT_USERNAME"));
		assertThat(broker).containsKeys("VIGIL_MQTT_SERVICE_PASSWORD", "VIGIL_MQTT_USER", "VIGIL_MQTT_PASSWORD");
		assertThat(ComposePolicy.environment(service("docker-compose.yml", "gateway-edge")))
			.containsEntry("VIGIL_GATEWAY_ROUTES_NOTIFICATION_URI", "http://notification-service:8085");
	}

	@Test
	void notificationServiceWatchesTheReadinessOfEveryOtherVigilService() {
		// Its "service down" system alert asks exactly these URLs (none by default).
		String prefix = "VIGIL_NOTIFICATION_SYSTEM_SERVICES_";
		Map<String, Map<String, Object>> services = ComposePolicy.services(load("docker-compose.yml"));
		Map<String, String> watched = new java.util.TreeMap<>();
		ComposePolicy.environment(services.get("notification-service")).forEach((name, value) -> {
			if (name.startsWith(prefix)) {
				// An environment variable cannot carry '-' or '.' into the map key.
				assertThat(name.substring(prefix.length())).as(name).matches("[A-Z]+");
				watched.put(value, name);
			}
		});
		List<String> expected = new java.util.ArrayList<>();
		services.forEach((name, service) -> {
			if (name.equals("notification-service")
					|| !String.valueOf(service.get("image")).startsWith("${VIGIL_IMAGE_REGISTRY:-vigil}/")) {
				return;
			}
			String port = ComposePolicy.environment(service).get("MANAGEMENT_SERVER_PORT");
			// The URL its own health check asks, on its management port.
			assertThat(String.valueOf(((Map<?, ?>) service.get("healthcheck")).get("test"))).as(name)
				.contains("/dev/tcp/127.0.0.1/" + port, "GET /actuator/health/readiness ");
			expected.add("http://" + name + ":" + port + "/actuator/health/readiness");
		});
		assertThat(expected).hasSize(6);
		assertThat(watched.keySet()).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void mosquittoRefusesAnonymousClientsAndGivesHomeAssistantReadOnlyTopics() throws Exception {
		String conf = java.nio.file.Files.readString(Repository.resolve("deploy/mosquitto/mosquitto.conf"));
		assertThat(conf).containsPattern("(?m)^allow_anonymous false$")
			.containsPattern("(?m)^password_file /tmp/mosquitto/passwd$")
			.containsPattern("(?m)^acl_file /tmp/mosquitto/acl$");
		String start = java.nio.file.Files.readString(Repository.resolve("deploy/mosquitto/start.sh"));
		assertThat(start)
			.contains("user $VIGIL_MQTT_SERVICE_USER\ntopic readwrite vigil/#\ntopic readwrite homeassistant/#")
			.contains("user $VIGIL_MQTT_USER\ntopic read vigil/#\ntopic read homeassistant/#\nACL");
		assertThat((List<?>) service("docker-compose.yml", "mosquitto").get("volumes")).map(String::valueOf)
			.contains("./deploy/mosquitto:/mosquitto/config:ro");
	}

	@ParameterizedTest
	@ValueSource(strings = { "mosquitto.conf", "start.sh" })
	void kubernetesRunsTheSameBrokerConfigurationAsCompose(String file) throws Exception {
		// kustomize reads no file outside k8s/base/mosquitto: a copy, kept equal here.
		assertThat(Repository.resolve("k8s/base/mosquitto/" + file))
			.hasSameTextualContentAs(Repository.resolve("deploy/mosquitto/" + file));
	}

	@Test
	void generatesEverySecretTheExampleLeavesEmpty(@org.junit.jupiter.api.io.TempDir java.nio.file.Path repo)
			throws Exception {
		java.nio.file.Files.createDirectories(repo.resolve("deploy"));
		for (String file : List.of("deploy/gen-secrets.sh", ".env.example")) {
			java.nio.file.Files.copy(Repository.resolve(file), repo.resolve(file));
		}
		Processes.Result result = Processes.run(repo,
				List.of("env", "VIGIL_ADDRESS=10.1.2.3", "bash", "deploy/gen-secrets.sh", "compose"), 60);
		assertThat(result.exitCode()).as(result.stderr()).isZero();
		List<String> generated = java.nio.file.Files.readAllLines(repo.resolve(".env"));
		for (String line : java.nio.file.Files.readAllLines(Repository.resolve(".env.example"))) {
			String name = line.contains("=") ? line.substring(0, line.indexOf('=')) : "";
			if (line.endsWith("=") && ManifestPolicy.looksLikeSecretName(name)) {
				assertThat(generated).as("gen-secrets.sh fills %s", name)
					.anyMatch((value) -> value.matches(name + "=[A-Za-z0-9-]{12,}"));
			}
		}
	}

	@Test
	void publishesFtpControlAndPassiveRangeWithConfigurableExternalAddress() {
		Map<String, Object> ingest = service("docker-compose.yml", "ingest-service");
		assertThat((List<?>) ingest.get("ports")).map(String::valueOf)
			.contains("${VIGIL_FTP_PORT:-2121}:2121",
					"${VIGIL_FTP_PASSIVE_PORTS:-30000-30063}:${VIGIL_FTP_PASSIVE_PORTS:-30000-30063}");
		assertThat(ComposePolicy.environment(ingest))
			.containsEntry("VIGIL_INGEST_FTP_PASSIVE_PORTS", "${VIGIL_FTP_PASSIVE_PORTS:-30000-30063}")
			.hasEntrySatisfying("VIGIL_INGEST_FTP_PASSIVE_EXTERNAL_ADDRESS",
					(value) -> assertThat(value).startsWith("${VIGIL_FTP_EXTERNAL_ADDRESS:?"));
	}

	@Test
	void sessionCookieSecureFollowsThePublicUrlInsteadOfAlwaysSecure() {
		// A Secure cookie on an http:// public URL is dropped by browsers: a silent login
		// loop.
		for (String name : List.of("identity-service", "ui")) {
			assertThat(ComposePolicy.environment(service("docker-compose.yml", name))).hasEntrySatisfying(
					"SERVER_SERVLET_SESSION_COOKIE_SECURE",
					(value) -> assertThat(value).startsWith("${VIGIL_COOKIE_SECURE:?"));
		}
	}

	@Test
	void unpacksNativeLibrariesWhereTheyCanBeLoaded() {
		// Docker mounts tmpfs noexec: natives unpacked into /tmp cannot be dlopen()ed.
		// The
		// JavaCPP cache (FFmpeg, TensorFlow: ~700 MB) goes to a volume, so it does not
		// count
		// against mem_limit as tmpfs pages would.
		Map<String, Object> processing = service("docker-compose.yml", "processing-service");
		String options = ComposePolicy.environment(processing).get("JAVA_TOOL_OPTIONS");
		assertThat(options).contains("-Djava.io.tmpdir=/var/cache/vigil/work",
				"-Dorg.bytedeco.javacpp.cachedir=/var/lib/vigil/processing/");
		assertThat((List<?>) processing.get("tmpfs")).map(String::valueOf)
			.anySatisfy((mount) -> assertThat(mount).startsWith("/var/cache/vigil/work:").contains(",exec"));
		assertThat((List<?>) processing.get("volumes")).map(String::valueOf)
			.contains("processing-natives:/var/lib/vigil/processing");
		// The image owns the mount point, so a fresh named volume is writable by its
		// user.
		assertThat(Repository.resolve("deploy/jib/var/lib/vigil/processing/README")).exists();
	}

	@Test
	void neverShipsAnExampleAddressIntoTheEnvironment() {
		// A copied example address would silently defeat the :? guards.
		assertThat(Repository.resolve(".env.example")).content().doesNotContain("192.168.");
	}

	@Test
	void keepsTheEdgeSpoolInANamedVolume() {
		for (String file : List.of("docker-compose.yml", "docker-compose.edge.yml")) {
			assertThat((List<?>) service(file, "ingest-service").get("volumes")).map(String::valueOf)
				.contains("ingest-data:/var/lib/vigil/ingest");
		}
	}

	@Test
	void edgeRunsTheIngestNodeAloneAgainstARemotePlatform() {
		Map<String, Object> edge = load("docker-compose.edge.yml");
		assertThat(ComposePolicy.services(edge).keySet()).containsExactly("ingest-service");
		Map<String, String> environment = ComposePolicy
			.environment(service("docker-compose.edge.yml", "ingest-service"));
		assertThat(environment.get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).startsWith("${VIGIL_KAFKA_BOOTSTRAP:?");
		assertThat(environment.get("VIGIL_S3_ENDPOINT")).startsWith("${VIGIL_S3_ENDPOINT:?");
	}

	@Test
	void documentsEveryVariableTheFilesUse() throws Exception {
		assertVariablesDocumented("docker-compose.yml", ".env.example");
		assertVariablesDocumented("docker-compose.edge.yml", ".env.edge.example");
	}

	private static void assertVariablesDocumented(String composeFile, String example) throws Exception {
		String compose = java.nio.file.Files.readString(Repository.resolve(composeFile));
		String documented = java.nio.file.Files.readString(Repository.resolve(example));
		java.util.regex.Matcher variables = java.util.regex.Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)")
			.matcher(compose);
		while (variables.find()) {
			assertThat(documented).as("%s documents %s used in %s", example, variables.group(1), composeFile)
				.containsPattern("(?m)^" + variables.group(1) + "=");
		}
	}

}
