package dev.vigil.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders every overlay (and the base) with kubectl's kustomize exactly as
 * {@code kubectl apply -k} would, validates each object against the Kubernetes model and
 * holds it to the policy; then checks what each overlay is for.
 */
class KustomizeOverlaysTests {

	private static final Set<String> SERVICES = Set.of("identity-service", "catalog-api", "processing-service",
			"notification-service", "ui", "gateway-edge", "ingest-service");

	static List<String> targets() {
		List<String> targets = new ArrayList<>(Kustomize.overlays());
		targets.add("base");
		return targets;
	}

	private static List<Manifest> render(String target) {
		return Rendered.render(target);
	}

	private static <T extends HasMetadata> List<T> objects(String target, Class<T> type) {
		return render(target).stream().map(Manifest::object).filter(type::isInstance).map(type::cast).toList();
	}

	private static <T extends HasMetadata> T named(String target, Class<T> type, String name) {
		return objects(target, type).stream()
			.filter((object) -> object.getMetadata().getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError(target + " has no " + type.getSimpleName() + " " + name));
	}

	@Test
	void findsTheThreeDocumentedOverlays() {
		assertThat(Kustomize.overlays()).containsExactly("overlays/dev", "overlays/edge", "overlays/production");
	}

	@ParameterizedTest
	@MethodSource("targets")
	void rendersOnlyValidKubernetesObjects(String target) {
		List<Manifest> manifests = render(target);
		assertThat(manifests).isNotEmpty();
		assertThat(SchemaCheck.violations(manifests)).as("schema violations in k8s/%s", target).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("targets")
	void followsThePolicy(String target) {
		assertThat(ManifestPolicy.violations(render(target))).as("policy violations in k8s/%s", target).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("targets")
	void probesTheActuatorHealthGroups(String target) {
		for (Deployment deployment : objects(target, Deployment.class)) {
			for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
				assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
				assertThat(container.getReadinessProbe().getHttpGet().getPath())
					.isEqualTo("/actuator/health/readiness");
				// Actuator answers on the management port only (MANAGEMENT_SERVER_PORT).
				assertThat(container.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("management");
				assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("management");
				assertThat(container.getStartupProbe()).as("startup probe of %s", container.getName()).isNotNull();
			}
		}
	}

	@ParameterizedTest
	@MethodSource("targets")
	void protectsEveryDeploymentWithDisruptionBudgetAndNetworkPolicy(String target) {
		Set<String> budgets = objects(target, PodDisruptionBudget.class).stream()
			.map((pdb) -> pdb.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/name"))
			.collect(Collectors.toSet());
		Set<String> policies = objects(target, NetworkPolicy.class).stream()
			.map((policy) -> policy.getSpec().getPodSelector().getMatchLabels())
			.filter((labels) -> labels != null)
			.map((labels) -> labels.get("app.kubernetes.io/name"))
			.collect(Collectors.toSet());
		assertThat(objects(target, NetworkPolicy.class))
			.anyMatch((policy) -> policy.getMetadata().getName().equals("default-deny-ingress"));
		for (Deployment deployment : objects(target, Deployment.class)) {
			String name = deployment.getMetadata().getName();
			assertThat(budgets).as("PodDisruptionBudget for %s", name).contains(name);
			assertThat(policies).as("NetworkPolicy for %s", name).contains(name);
		}
		for (StatefulSet statefulSet : objects(target, StatefulSet.class)) {
			assertThat(policies).as("NetworkPolicy for %s", statefulSet.getMetadata().getName())
				.contains(statefulSet.getMetadata().getName());
		}
	}

	@ParameterizedTest
	@MethodSource("targets")
	void putsEverythingInTheVigilNamespace(String target) {
		for (Manifest manifest : render(target)) {
			HasMetadata object = manifest.object();
			if (!object.getKind().equals("Namespace")) {
				assertThat(object.getMetadata().getNamespace()).as(manifest.describe()).isEqualTo("vigil");
			}
		}
	}

	@Test
	void devRunsTheInfrastructureInTheCluster() {
		Set<String> statefulSets = objects("overlays/dev", StatefulSet.class).stream()
			.map((set) -> set.getMetadata().getName())
			.collect(Collectors.toSet());
		assertThat(statefulSets).containsExactlyInAnyOrder("mongodb", "kafka", "redis", "minio", "mosquitto");
		for (StatefulSet statefulSet : objects("overlays/dev", StatefulSet.class)) {
			assertThat(statefulSet.getSpec().getReplicas()).isEqualTo(1);
			assertThat(statefulSet.getSpec().getVolumeClaimTemplates())
				.as("volume of %s", statefulSet.getMetadata().getName())
				.isNotEmpty();
		}
		assertThat(render("overlays/dev")).anyMatch((manifest) -> manifest.describe().equals("Job/minio-init"));
		assertThat(deploymentNames("overlays/dev")).isEqualTo(SERVICES);
	}

	@Test
	void productionUsesManagedServicesAndScales() {
		// The MQTT broker of the alerts runs in the cluster (managed MQTT is rare); the
		// rest
		// is managed.
		assertThat(objects("overlays/production", StatefulSet.class)).map((set) -> set.getMetadata().getName())
			.containsExactly("mosquitto");
		assertThat(deploymentNames("overlays/production")).isEqualTo(SERVICES);
		Set<String> scaled = objects("overlays/production", HorizontalPodAutoscaler.class).stream()
			.map((hpa) -> hpa.getSpec().getScaleTargetRef().getName())
			.collect(Collectors.toSet());
		assertThat(scaled).containsExactlyInAnyOrder("processing-service", "catalog-api");
		for (String autoscaled : scaled) {
			assertThat(named("overlays/production", Deployment.class, autoscaled).getSpec().getReplicas())
				.as("%s leaves replicas to its HPA", autoscaled)
				.isNull();
		}
		assertThat(named("overlays/production", Deployment.class, "gateway-edge").getSpec().getReplicas())
			.isGreaterThanOrEqualTo(2);
		// ui keeps sessions in memory: more than one replica signs users out at random.
		assertThat(named("overlays/production", Deployment.class, "ui").getSpec().getReplicas()).isEqualTo(1);
		Map<String, String> config = Rendered.generatedConfigMap("overlays/production", "vigil-config").getData();
		assertThat(config.get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).doesNotStartWith("kafka:");
		assertThat(config.get("VIGIL_S3_ENDPOINT")).doesNotContain("minio");
		assertThat(named("overlays/production", Ingress.class, "gateway-edge").getSpec().getTls()).isNotEmpty();
	}

	@Test
	void edgeRunsOnlyTheIngestNodePinnedToAnEdgeNode() {
		assertThat(deploymentNames("overlays/edge")).containsExactly("ingest-service");
		assertThat(objects("overlays/edge", StatefulSet.class)).isEmpty();
		Deployment ingest = named("overlays/edge", Deployment.class, "ingest-service");
		assertThat(ingest.getSpec().getTemplate().getSpec().getNodeSelector()).containsEntry("vigil.dev/edge", "true");
		assertThat(ingest.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv()).anyMatch(
				(env) -> env.getName().equals("VIGIL_INGEST_FTP_PASSIVE_EXTERNAL_ADDRESS") && env.getValueFrom() != null
						&& env.getValueFrom().getFieldRef().getFieldPath().equals("status.hostIP"));
	}

	@ParameterizedTest
	@MethodSource("targets")
	void publishesFtpControlAndTheWholePassiveRangeWithUnchangedNumbers(String target) {
		Service ftp = named(target, Service.class, "ingest-ftp");
		assertThat(ftp.getSpec().getType()).isIn("LoadBalancer", "NodePort");
		Map<Integer, ServicePort> ports = ftp.getSpec()
			.getPorts()
			.stream()
			.collect(Collectors.toMap(ServicePort::getPort, (port) -> port));
		assertThat(ports).containsKeys(2121, 2222);
		// Which range: KubernetesFirstRunTests (the edge's own setting, load balancer
		// limits).
		for (int passive : IntStream.rangeClosed(30000, 30063).boxed().filter(ports::containsKey).toList()) {
			ServicePort port = ports.get(passive);
			assertThat(port.getTargetPort().getIntVal()).isEqualTo(passive);
			if (port.getNodePort() != null) {
				assertThat(port.getNodePort()).isEqualTo(passive);
			}
		}
	}

	@ParameterizedTest
	@MethodSource("targets")
	void keepsTheSpoolOnAPersistentVolume(String target) {
		PersistentVolumeClaim spool = named(target, PersistentVolumeClaim.class, "ingest-spool");
		assertThat(spool.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
		Deployment ingest = named(target, Deployment.class, "ingest-service");
		assertThat(ingest.getSpec().getStrategy().getType()).isEqualTo("Recreate");
		assertThat(ingest.getSpec().getTemplate().getSpec().getVolumes())
			.anyMatch((volume) -> volume.getPersistentVolumeClaim() != null
					&& volume.getPersistentVolumeClaim().getClaimName().equals("ingest-spool"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "base", "overlays/dev", "overlays/production" })
	void givesProcessingAWritablePlaceForItsLastKnownDetectionSettings(String target) {
		// The root filesystem is read-only; the service keeps camera-detection.json
		// there.
		Deployment processing = named(target, Deployment.class, "processing-service");
		assertThat(processing.getSpec().getTemplate().getSpec().getContainers().getFirst().getVolumeMounts())
			.anyMatch((mount) -> mount.getMountPath().equals("/var/lib/vigil/processing")
					&& !Boolean.TRUE.equals(mount.getReadOnly()));
	}

	@ParameterizedTest
	@MethodSource("targets")
	void takesCredentialsOnlyFromSecretsThatTheOverlayGenerates(String target) {
		Set<String> secrets = render(target).stream()
			.filter((manifest) -> manifest.object().getKind().equals("Secret"))
			.map((manifest) -> manifest.object().getMetadata().getName())
			.collect(Collectors.toSet());
		for (Deployment deployment : objects(target, Deployment.class)) {
			for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
				container.getEnv()
					.stream()
					.filter((env) -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null)
					.map((env) -> env.getValueFrom().getSecretKeyRef().getName())
					.forEach((name) -> {
						if (!target.equals("base")) {
							assertThat(secrets).as("Secret %s used by %s", name, container.getName()).contains(name);
						}
					});
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "overlays/dev", "overlays/production" })
	void wiresAlertsToMosquittoAndRoutesTheirApiThroughTheGateway(String target) {
		Container notification = named(target, Deployment.class, "notification-service").getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.getFirst();
		Map<String, io.fabric8.kubernetes.api.model.EnvVar> env = notification.getEnv()
			.stream()
			.collect(Collectors.toMap(io.fabric8.kubernetes.api.model.EnvVar::getName, (var) -> var));
		assertThat(env.get("VIGIL_NOTIFICATION_MQTT_URI").getValue()).isEqualTo("tcp://mosquitto:1883");
		assertThat(env.get("VIGIL_NOTIFICATION_MQTT_PASSWORD").getValueFrom().getSecretKeyRef().getKey())
			.isEqualTo("VIGIL_MQTT_SERVICE_PASSWORD");
		assertThat(env.get("VIGIL_NOTIFICATION_SECRET_KEY").getValueFrom().getSecretKeyRef().getKey())
			.isEqualTo("VIGIL_NOTIFICATION_SECRET_KEY");
		Container broker = named(target, StatefulSet.class, "mosquitto").getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.getFirst();
		assertThat(broker.getEnv()).anyMatch((var) -> var.getName().equals("VIGIL_MQTT_SERVICE_USER")
				&& var.getValue().equals(env.get("VIGIL_NOTIFICATION_MQTT_USERNAME").getValue()));
		assertThat(Rendered.generatedConfigMap(target, "vigil-mosquitto").getData().get("mosquitto.conf"))
			.contains("allow_anonymous false");
		assertThat(named(target, Deployment.class, "gateway-edge").getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.getFirst()
			.getEnv())
			.anyMatch((var) -> var.getName().equals("VIGIL_GATEWAY_ROUTES_NOTIFICATION_URI")
					&& "http://notification-service:8085".equals(var.getValue()));
		assertThat(Rendered.generatedConfigMap(target, "vigil-config").getData())
			.containsKey("VIGIL_NOTIFICATION_PUBLICURL");
	}

	@Test
	void letsNotificationServiceReachItsInfrastructureAndNothingElseReachIt() {
		for (String peer : List.of("kafka", "mongodb", "minio", "mosquitto")) {
			NetworkPolicy policy = named("overlays/dev", NetworkPolicy.class, peer);
			assertThat(policy.getSpec().getIngress()).as("ingress of %s", peer)
				.anyMatch((rule) -> rule.getFrom()
					.stream()
					.anyMatch((from) -> from.getPodSelector() != null && "notification-service"
						.equals(from.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))));
		}
		// Only the gateway (the API) and the ui (its Notifications pages) call it.
		NetworkPolicy own = named("overlays/dev", NetworkPolicy.class, "notification-service");
		assertThat(own.getSpec().getIngress()).singleElement()
			.satisfies((rule) -> assertThat(rule.getFrom())
				.map((from) -> from.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))
				.containsExactlyInAnyOrder("gateway-edge", "ui"));
	}

	private static Set<String> deploymentNames(String target) {
		return objects(target, Deployment.class).stream()
			.map((deployment) -> deployment.getMetadata().getName())
			.collect(Collectors.toSet());
	}

}
