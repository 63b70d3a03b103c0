package dev.vigil.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #15 must-fix 4 and the metrics item: what is reachable from outside. In compose
 * only the gateway and the edge's FTP/SFTP are published; actuator answers on a
 * management port of its own, which no Service carries and which only Prometheus in the
 * monitoring namespace may reach; {@code ./vigil up} binds every service but the gateway
 * to loopback.
 */
class ExposureTests {

	private static final int MANAGEMENT = 9464;

	static List<String> targets() {
		return KustomizeOverlaysTests.targets();
	}

	@Test
	void composePublishesOnlyTheGatewayAndTheEdge() {
		Map<String, Map<String, Object>> services = ComposePolicy
			.services(ComposePolicy.load(Repository.resolve("docker-compose.yml")));
		Set<String> published = services.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().get("ports") != null)
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
		// A new service that users must reach is added here with its reason; everything
		// else stays on the compose network. Mosquitto: Home Assistant subscribes to the
		// alerts (MQTT only, password per client, docs/security.md).
		assertThat(published).containsExactlyInAnyOrder("gateway-edge", "ingest-service", "mosquitto");
		assertThat((List<?>) services.get("mosquitto").get("ports")).map(String::valueOf)
			.containsExactly("${VIGIL_MQTT_BIND_ADDRESS:-0.0.0.0}:${VIGIL_MQTT_PORT:-1883}:1883");
		assertThat((List<?>) services.get("gateway-edge").get("ports")).hasSize(1);
		// The edge: FTP, SFTP and the passive range; never its HTTP (admin API,
		// actuator).
		assertThat((List<?>) services.get("ingest-service").get("ports")).map(String::valueOf)
			.noneMatch((port) -> port.contains("8084") || port.contains(String.valueOf(MANAGEMENT)));
		// Media reaches browsers through the gateway when MinIO is not published.
		assertThat(ComposePolicy.environment(services.get("catalog-api"))).containsEntry("VIGIL_CATALOG_CONTENT_PROXY",
				"true");
	}

	@Test
	void composeServesActuatorOnTheManagementPortAndChecksHealthThere() {
		Map<String, Map<String, Object>> services = ComposePolicy
			.services(ComposePolicy.load(Repository.resolve("docker-compose.yml")));
		for (String name : List.of("identity-service", "catalog-api", "processing-service", "notification-service",
				"ui", "gateway-edge", "ingest-service")) {
			assertThat(ComposePolicy.environment(services.get(name))).as(name)
				.containsEntry("MANAGEMENT_SERVER_PORT", String.valueOf(MANAGEMENT));
			Map<?, ?> health = (Map<?, ?>) services.get(name).get("healthcheck");
			assertThat(String.valueOf(health.get("test"))).as("health check of %s", name)
				.contains("/dev/tcp/127.0.0.1/" + MANAGEMENT);
		}
	}

	@Test
	void remoteEdgeOverridePublishesOnlyKafkaAndMinio() {
		Map<String, Map<String, Object>> services = ComposePolicy
			.services(ComposePolicy.load(Repository.resolve("docker-compose.remote-edge.yml")));
		assertThat(services.keySet()).containsExactlyInAnyOrder("kafka", "minio");
		assertThat(ComposePolicy
			.environment(
					ComposePolicy.services(ComposePolicy.load(Repository.resolve("docker-compose.yml"))).get("kafka"))
			.get("KAFKA_ADVERTISED_LISTENERS")).contains("EXTERNAL://${VIGIL_KAFKA_EXTERNAL_ADDRESS:?");
	}

	/** Every Vigil Deployment (a new service too) serves actuator on 9464 only. */
	@ParameterizedTest
	@MethodSource("targets")
	void kubernetesKeepsTheManagementPortOutOfServices(String target) {
		for (Deployment deployment : Rendered.objects(target, Deployment.class)) {
			Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
			assertThat(container.getPorts()).as(deployment.getMetadata().getName())
				.extracting(ContainerPort::getName, ContainerPort::getContainerPort)
				.contains(org.assertj.core.groups.Tuple.tuple("management", MANAGEMENT));
			assertThat(Rendered.effectiveEnv(target, container, "MANAGEMENT_SERVER_PORT"))
				.hasValue(String.valueOf(MANAGEMENT));
		}
		for (Service service : Rendered.objects(target, Service.class)) {
			assertThat(service.getSpec().getPorts()).as("ports of Service %s", service.getMetadata().getName())
				.extracting(ServicePort::getPort)
				.doesNotContain(MANAGEMENT);
		}
	}

	@ParameterizedTest
	@MethodSource("targets")
	void onlyPrometheusInTheMonitoringNamespaceScrapesMetrics(String target) {
		for (NetworkPolicy policy : Rendered.objects(target, NetworkPolicy.class)) {
			java.util.Objects
				.requireNonNullElse(policy.getSpec().getIngress(),
						List.<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule>of())
				.forEach((rule) -> {
					boolean management = rule.getPorts() != null && rule.getPorts()
						.stream()
						.anyMatch((port) -> "management".equals(port.getPort().getStrVal())
								|| Integer.valueOf(MANAGEMENT).equals(port.getPort().getIntVal()));
					if (!management) {
						return;
					}
					assertThat(rule.getFrom())
						.as("who reaches the management port in %s", policy.getMetadata().getName())
						.isNotEmpty()
						.allSatisfy(ExposureTests::isMonitoringPrometheus);
				});
		}
		assertThat(Rendered.named(target, NetworkPolicy.class, "allow-metrics-scrape").getSpec().getIngress())
			.singleElement()
			.satisfies((rule) -> assertThat(rule.getPorts()).singleElement()
				.satisfies((port) -> assertThat(port.getPort().getStrVal()).isEqualTo("management")));
	}

	private static void isMonitoringPrometheus(NetworkPolicyPeer peer) {
		assertThat(peer.getNamespaceSelector()).isNotNull();
		assertThat(peer.getNamespaceSelector().getMatchLabels()).containsEntry("kubernetes.io/metadata.name",
				"monitoring");
		assertThat(peer.getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "prometheus");
	}

	@Test
	void launcherBindsEveryServiceButTheGatewayToLoopback() {
		String script = "source <(sed -n '/^bind_address()/,/^}/p' vigil); for s in gateway-edge ui catalog-api "
				+ "identity-service processing-service ingest-service; do echo \"$s $(bind_address $s)\"; done";
		Processes.Result result = Processes.run(Repository.root(), List.of("bash", "-c", script), 30);
		assertThat(result.stdout()).contains("gateway-edge 0.0.0.0", "ui 127.0.0.1", "catalog-api 127.0.0.1",
				"identity-service 127.0.0.1", "processing-service 127.0.0.1", "ingest-service 127.0.0.1");
		assertThat(Repository.resolve("vigil")).content().contains("SERVER_ADDRESS=\"$(bind_address \"$service\")\"");
	}

}
