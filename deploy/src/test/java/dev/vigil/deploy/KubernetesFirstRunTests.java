package dev.vigil.deploy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code kubectl apply -k} on a fresh cluster needs beyond valid objects (issue
 * #21): a configuration change rolls the pods, passive FTP announces an address cameras
 * reach and fits a cloud load balancer, a remote edge can reach Kafka, Ingresses name
 * their class, and the public host resolves inside a k3s cluster in a way k3s keeps.
 */
class KubernetesFirstRunTests {

	/** AWS NLB's default listener quota; other clouds allow about as many or more. */
	private static final int LOAD_BALANCER_LISTENERS = 50;

	static List<String> targets() {
		return KustomizeOverlaysTests.targets();
	}

	@ParameterizedTest
	@MethodSource("targets")
	void readsOnlyGeneratedConfigMapsSoAChangeRollsThePods(String target) {
		Set<String> generated = Rendered.objects(target, ConfigMap.class)
			.stream()
			.map((map) -> map.getMetadata().getName())
			.filter((name) -> Rendered.HASH_SUFFIX.matcher(name).find())
			.collect(Collectors.toSet());
		assertThat(generated).anyMatch((name) -> name.startsWith("vigil-config-"));
		for (HasMetadata workload : workloads(target)) {
			for (Container container : podSpec(workload).getContainers()) {
				for (EnvFromSource source : container.getEnvFrom()) {
					if (source.getConfigMapRef() != null) {
						assertThat(generated)
							.as("%s reads ConfigMap %s", workload.getMetadata().getName(),
									source.getConfigMapRef().getName())
							.contains(source.getConfigMapRef().getName());
					}
				}
			}
		}
	}

	@ParameterizedTest
	@MethodSource("targets")
	void announcesAPassiveAddressCamerasReach(String target) {
		String address = Rendered
			.effectiveEnv(target, Rendered.container(target, "ingest-service"),
					"VIGIL_INGEST_FTP_PASSIVE_EXTERNAL_ADDRESS")
			.orElseThrow();
		assertThat(address).as("passive address in k8s/%s", target)
			.doesNotStartWith("127.")
			.isNotEqualTo("localhost")
			.isNotEqualTo("0.0.0.0");
		if (!target.equals("base") && !target.equals("overlays/production")) {
			// Node ports / the node's ServiceLB: the node's own address, whatever it is.
			assertThat(address).isEqualTo("fieldRef:status.hostIP");
		}
	}

	@ParameterizedTest
	@MethodSource("targets")
	void publishesExactlyThePassiveRangeTheEdgeUsesWithinLoadBalancerLimits(String target) {
		Container ingest = Rendered.container(target, "ingest-service");
		String range = Rendered.effectiveEnv(target, ingest, "VIGIL_INGEST_FTP_PASSIVE_PORTS").orElseThrow();
		int from = Integer.parseInt(range.substring(0, range.indexOf('-')));
		int to = Integer.parseInt(range.substring(range.indexOf('-') + 1));
		Service ftp = Rendered.named(target, Service.class, "ingest-ftp");
		Set<Integer> published = ftp.getSpec()
			.getPorts()
			.stream()
			.map(ServicePort::getPort)
			.filter((port) -> port >= 30000 && port < 32000)
			.collect(Collectors.toSet());
		assertThat(published).as("passive ports of ingest-ftp in k8s/%s", target)
			.isEqualTo(IntStream.rangeClosed(from, to).boxed().collect(Collectors.toSet()));
		if (ftp.getSpec().getType().equals("LoadBalancer") && !target.equals("overlays/edge")) {
			// k3s' ServiceLB (edge) has no listener limit; cloud load balancers do.
			assertThat(ftp.getSpec().getPorts()).as("listeners of the ingest-ftp LoadBalancer in k8s/%s", target)
				.hasSizeLessThanOrEqualTo(LOAD_BALANCER_LISTENERS);
		}
		int sessions = Rendered.effectiveEnv(target, ingest, "VIGIL_INGEST_FTP_MAX_SESSIONS")
			.map(Integer::parseInt)
			.orElse(64);
		assertThat(sessions).as("FTP sessions (one passive port each) in k8s/%s", target)
			.isLessThanOrEqualTo(to - from + 1);
	}

	@ParameterizedTest
	@MethodSource("targets")
	void namesTheIngressClass(String target) {
		for (Ingress ingress : Rendered.objects(target, Ingress.class)) {
			assertThat(ingress.getSpec().getIngressClassName())
				.as("ingressClassName of %s in k8s/%s", ingress.getMetadata().getName(), target)
				.isNotBlank();
		}
	}

	@Test
	void devOffersARemoteEdgeAKafkaListenerOnTheNode() {
		StatefulSet kafka = Rendered.named("overlays/dev", StatefulSet.class, "kafka");
		Container broker = kafka.getSpec().getTemplate().getSpec().getContainers().getFirst();
		String advertised = Rendered.effectiveEnv("overlays/dev", broker, "KAFKA_ADVERTISED_LISTENERS").orElseThrow();
		assertThat(Rendered.effectiveEnv("overlays/dev", broker, "NODE_IP")).hasValue("fieldRef:status.hostIP");
		Service external = Rendered.named("overlays/dev", Service.class, "kafka-external");
		assertThat(external.getSpec().getType()).isEqualTo("NodePort");
		ServicePort port = external.getSpec().getPorts().getFirst();
		// The address a client is told must be the one it can dial: node address + node
		// port.
		assertThat(advertised).contains("EXTERNAL://$(NODE_IP):" + port.getNodePort());
		assertThat(Rendered.effectiveEnv("overlays/dev", broker, "KAFKA_LISTENERS").orElseThrow())
			.contains("EXTERNAL://:" + port.getPort());
		NetworkPolicy policy = Rendered.named("overlays/dev", NetworkPolicy.class, "kafka");
		assertThat(policy.getSpec().getIngress())
			.anyMatch((rule) -> (rule.getFrom() == null || rule.getFrom().isEmpty())
					&& rule.getPorts().stream().anyMatch((p) -> p.getPort().getIntVal().equals(port.getPort())));
	}

	@Test
	void resolvesTheDevPublicHostToTheGatewayWithADnsEntryK3sKeeps() throws Exception {
		String issuer = Rendered.generatedConfigMap("overlays/dev", "vigil-config").getData().get("VIGIL_ISSUER_URI");
		String host = URI.create(issuer).getHost();
		assertThat(Rendered.named("overlays/dev", Ingress.class, "gateway-edge").getSpec().getRules())
			.anyMatch((rule) -> host.equals(rule.getHost()));
		Path file = Repository.resolve("k8s/dns/coredns-custom.yaml");
		List<Manifest> manifests = Manifest.parse(Files.readString(file));
		assertThat(manifests).hasSize(1);
		ConfigMap dns = (ConfigMap) manifests.getFirst().object();
		// k3s imports kube-system/coredns-custom (*.override) and re-applies its own
		// coredns map.
		assertThat(dns.getMetadata().getName()).isEqualTo("coredns-custom");
		assertThat(dns.getMetadata().getNamespace()).isEqualTo("kube-system");
		Map.Entry<String, String> entry = dns.getData().entrySet().iterator().next();
		assertThat(entry.getKey()).endsWith(".override");
		assertThat(entry.getValue().strip())
			.isEqualTo("rewrite name " + host + " gateway-edge.vigil.svc.cluster.local");
		assertThat(Files.readString(Repository.resolve("docs/operations.md"))).contains("k8s/dns/coredns-custom.yaml");
	}

	private static List<HasMetadata> workloads(String target) {
		List<HasMetadata> workloads = new java.util.ArrayList<>(Rendered.objects(target, Deployment.class));
		workloads.addAll(Rendered.objects(target, StatefulSet.class));
		return workloads;
	}

	private static PodSpec podSpec(HasMetadata workload) {
		return (workload instanceof Deployment deployment) ? deployment.getSpec().getTemplate().getSpec()
				: ((StatefulSet) workload).getSpec().getTemplate().getSpec();
	}

}
