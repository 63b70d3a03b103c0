package dev.vigil.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Egress NetworkPolicies (#15): every pod may reach the cluster DNS and exactly the peers
 * its pipeline step needs; a compromised pod cannot dial the stores or services it has no
 * business with, nor the cloud metadata address.
 */
class EgressPolicyTests {

	/**
	 * In-cluster peers (by app.kubernetes.io/name) each pod of the dev overlay may dial.
	 */
	private static final Map<String, Set<String>> DEV_PEERS = Map.ofEntries(
			Map.entry("identity-service", Set.of("mongodb", "redis")),
			Map.entry("catalog-api", Set.of("kafka", "mongodb", "redis", "minio", "identity-service")),
			Map.entry("processing-service", Set.of("kafka", "minio")),
			Map.entry("ui", Set.of("redis", "catalog-api", "notification-service", "identity-service", "gateway-edge")),
			Map.entry("gateway-edge", Set.of("ui", "catalog-api", "identity-service", "notification-service", "redis")),
			Map.entry("ingest-service", Set.of("kafka", "minio")),
			Map.entry("notification-service", Set.of("kafka", "mongodb", "minio", "mosquitto", "identity-service")),
			Map.entry("mosquitto", Set.of()), Map.entry("mongodb", Set.of()), Map.entry("redis", Set.of()),
			Map.entry("minio", Set.of()), Map.entry("kafka", Set.of("kafka")), Map.entry("minio-init", Set.of("minio")),
			Map.entry("kafka-init", Set.of("kafka")));

	@ParameterizedTest
	@ValueSource(strings = { "base", "overlays/dev", "overlays/production", "overlays/edge" })
	void deniesEgressByDefaultAndLetsEveryPodAskTheClusterDns(String target) {
		NetworkPolicy deny = Rendered.named(target, NetworkPolicy.class, "default-deny-egress");
		assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
		assertThat(deny.getSpec().getPolicyTypes()).containsExactly("Egress");
		assertThat(deny.getSpec().getEgress()).isNullOrEmpty();
		NetworkPolicy dns = Rendered.named(target, NetworkPolicy.class, "allow-dns");
		assertThat(dns.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
		assertThat(dns.getSpec().getEgress()).singleElement().satisfies((rule) -> {
			assertThat(rule.getTo()).singleElement().satisfies((peer) -> {
				assertThat(peer.getNamespaceSelector().getMatchLabels()).containsEntry("kubernetes.io/metadata.name",
						"kube-system");
				assertThat(peer.getPodSelector().getMatchLabels()).containsEntry("k8s-app", "kube-dns");
			});
			assertThat(rule.getPorts()).allSatisfy((port) -> assertThat(port.getPort().getIntVal()).isEqualTo(53));
		});
	}

	@Test
	void devPodsReachOnlyThePeersTheirStepNeeds() {
		Set<String> seen = new TreeSet<>();
		for (HasMetadata workload : workloads("overlays/dev")) {
			String name = workload.getMetadata().getName();
			Map<String, String> labels = podLabels(workload);
			List<NetworkPolicy> egress = egressPolicies("overlays/dev", labels);
			assertThat(egress).as("egress policies of %s", name).isNotEmpty();
			Set<String> peers = new TreeSet<>();
			for (NetworkPolicy policy : egress) {
				for (NetworkPolicyEgressRule rule : nullToEmpty(policy.getSpec().getEgress())) {
					assertThat(rule.getTo()).as("%s: %s allows every destination", name, policy.getMetadata().getName())
						.isNotEmpty();
					for (NetworkPolicyPeer peer : rule.getTo()) {
						if (peer.getPodSelector() != null && peer.getNamespaceSelector() == null) {
							peers.add(peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"));
						}
					}
				}
			}
			assertThat(DEV_PEERS).as("expected peers of %s", name).containsKey(name);
			assertThat(peers).as("in-cluster peers %s may dial", name).isEqualTo(new TreeSet<>(DEV_PEERS.get(name)));
			seen.add(name);
		}
		assertThat(seen).containsAll(DEV_PEERS.keySet());
	}

	@Test
	void onlyNotificationServiceLeavesTheClusterInDevAndNeverForPrivateOrMetadataAddresses() {
		for (NetworkPolicy policy : Rendered.objects("overlays/dev", NetworkPolicy.class)) {
			for (NetworkPolicyEgressRule rule : nullToEmpty(policy.getSpec().getEgress())) {
				for (NetworkPolicyPeer peer : rule.getTo()) {
					if (peer.getIpBlock() != null) {
						assertThat(policy.getMetadata().getName()).isEqualTo("notification-service");
						if (peer.getIpBlock().getCidr().equals("0.0.0.0/0")) {
							assertThat(peer.getIpBlock().getExcept()).contains("10.0.0.0/8", "172.16.0.0/12",
									"192.168.0.0/16", "169.254.0.0/16");
						}
						else {
							assertThat(peer.getIpBlock().getExcept()).contains("fc00::/7", "fe80::/10");
						}
					}
				}
			}
		}
	}

	@Test
	void productionLetsTheServicesReachTheManagedStoresButNotTheMetadataAddress() {
		NetworkPolicy managed = Rendered.named("overlays/production", NetworkPolicy.class, "managed-services-egress");
		assertThat(managed.getSpec().getEgress()).singleElement().satisfies((rule) -> {
			assertThat(rule.getTo()).singleElement()
				.satisfies((peer) -> assertThat(peer.getIpBlock().getExcept()).contains("169.254.0.0/16"));
			assertThat(rule.getPorts()).map((port) -> port.getPort().getIntVal())
				.containsExactlyInAnyOrder(9092, 27017, 6379, 443);
		});
		for (Deployment deployment : Rendered.objects("overlays/production", Deployment.class)) {
			assertThat(egressPolicies("overlays/production", podLabels(deployment)))
				.as("egress of %s", deployment.getMetadata().getName())
				.anyMatch((policy) -> policy.getMetadata().getName().equals("managed-services-egress"));
		}
	}

	@Test
	void theEdgeReachesOnlyThePlatformsKafkaAndS3Ports() {
		NetworkPolicy platform = Rendered.named("overlays/edge", NetworkPolicy.class, "ingest-service-platform");
		assertThat(platform.getSpec().getEgress()).singleElement()
			.satisfies((rule) -> assertThat(rule.getPorts()).map((port) -> port.getPort().getIntVal())
				.containsExactlyInAnyOrder(9094, 443));
	}

	private static List<HasMetadata> workloads(String target) {
		List<HasMetadata> workloads = new java.util.ArrayList<>(Rendered.objects(target, Deployment.class));
		workloads.addAll(Rendered.objects(target, StatefulSet.class));
		workloads.addAll(Rendered.objects(target, Job.class));
		return workloads;
	}

	private static Map<String, String> podLabels(HasMetadata workload) {
		return switch (workload) {
			case Deployment deployment -> deployment.getSpec().getTemplate().getMetadata().getLabels();
			case StatefulSet set -> set.getSpec().getTemplate().getMetadata().getLabels();
			case Job job -> job.getSpec().getTemplate().getMetadata().getLabels();
			default -> throw new IllegalArgumentException(workload.getKind());
		};
	}

	private static List<NetworkPolicy> egressPolicies(String target, Map<String, String> labels) {
		return Rendered.objects(target, NetworkPolicy.class)
			.stream()
			.filter((policy) -> policy.getSpec().getPolicyTypes().contains("Egress"))
			.filter((policy) -> !policy.getMetadata().getName().equals("default-deny-egress")
					&& !policy.getMetadata().getName().equals("allow-dns"))
			.filter((policy) -> selects(policy.getSpec().getPodSelector(), labels))
			.toList();
	}

	private static boolean selects(LabelSelector selector, Map<String, String> labels) {
		if (selector.getMatchLabels() != null && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
			return false;
		}
		for (LabelSelectorRequirement requirement : nullToEmpty(selector.getMatchExpressions())) {
			String value = labels.get(requirement.getKey());
			boolean matches = switch (requirement.getOperator()) {
				case "In" -> value != null && requirement.getValues().contains(value);
				case "Exists" -> value != null;
				default -> throw new IllegalArgumentException(requirement.getOperator());
			};
			if (!matches) {
				return false;
			}
		}
		return true;
	}

	private static <T> List<T> nullToEmpty(List<T> list) {
		return (list != null) ? list : List.of();
	}

}
