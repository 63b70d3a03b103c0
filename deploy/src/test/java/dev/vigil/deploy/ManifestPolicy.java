package dev.vigil.deploy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/**
 * The rules every rendered manifest must follow (STYLE.md, Operations). Each violation
 * starts with a stable rule id so tests and readers can tell them apart:
 * <ul>
 * <li>{@code latest-tag}, {@code untagged-image}: images are pinned;</li>
 * <li>{@code missing-liveness-probe}, {@code missing-readiness-probe}: long-running
 * containers (not Jobs) have both;</li>
 * <li>{@code missing-resource-limits}: cpu and memory requests and limits;</li>
 * <li>{@code runs-as-root}, {@code privilege-escalation}, {@code privileged},
 * {@code capabilities-not-dropped}, {@code no-seccomp-profile},
 * {@code writable-root-filesystem}: the restricted Pod Security profile plus a read-only
 * root (a pod may exempt a named container with the annotation
 * {@value #WRITABLE_ROOT_ANNOTATION}, which states why);</li>
 * <li>{@code secret-in-configmap}, {@code secret-literal-in-env}: credentials come from
 * Secrets.</li>
 * </ul>
 */
final class ManifestPolicy {

	static final String WRITABLE_ROOT_ANNOTATION = "policy.vigil.dev/writable-root-filesystem";

	/** Names that hold credentials; durations, paths and toggles about them do not. */
	static final Pattern SECRET_NAME = Pattern
		.compile("(?i).*(password|passwd|secret|token|credential|private[-_.]?key|access[-_.]?key|api[-_.]?key).*");

	private static final Pattern NOT_A_SECRET_NAME = Pattern
		.compile("(?i).*[-_.](ttl|dir|file|path|enabled|claim|length|uri|url)$");

	/**
	 * Values that are credentials whatever their key: private keys, passwords in URLs,
	 * AWS keys.
	 */
	static final Pattern SECRET_VALUE = Pattern
		.compile("(?s).*(-----BEGIN [A-Z ]*PRIVATE KEY-----|://[^/\\s:@]+:(?!\\$\\{)[^/\\s@]+@|AKIA[0-9A-Z]{16}).*");

	private static final Set<String> LONG_RUNNING = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
			"Pod");

	private ManifestPolicy() {
	}

	static List<String> violations(List<Manifest> manifests) {
		List<String> violations = new ArrayList<>();
		for (Manifest manifest : manifests) {
			if (manifest.object() != null) {
				violations.addAll(violations(manifest.object()));
			}
		}
		return violations;
	}

	static List<String> violations(HasMetadata object) {
		List<String> violations = new ArrayList<>();
		String where = object.getKind() + "/" + object.getMetadata().getName();
		if (object instanceof ConfigMap configMap) {
			checkConfigMap(configMap, where, violations);
		}
		PodTemplateSpec template = podTemplate(object);
		if (template != null && template.getSpec() != null) {
			Map<String, String> annotations = (template.getMetadata() != null) ? template.getMetadata().getAnnotations()
					: null;
			String writable = (annotations != null) ? annotations.get(WRITABLE_ROOT_ANNOTATION) : null;
			Set<String> writableRoot = (writable != null) ? Set.of(writable.split("\\s*,\\s*")) : Set.of();
			checkPod(template.getSpec(), where, LONG_RUNNING.contains(object.getKind()), writableRoot, violations);
		}
		return violations;
	}

	private static PodTemplateSpec podTemplate(HasMetadata object) {
		return switch (object) {
			case Deployment deployment -> deployment.getSpec().getTemplate();
			case StatefulSet statefulSet -> statefulSet.getSpec().getTemplate();
			case DaemonSet daemonSet -> daemonSet.getSpec().getTemplate();
			case ReplicaSet replicaSet -> replicaSet.getSpec().getTemplate();
			case Job job -> job.getSpec().getTemplate();
			case CronJob cronJob -> cronJob.getSpec().getJobTemplate().getSpec().getTemplate();
			case Pod pod -> new PodTemplateSpec(pod.getMetadata(), pod.getSpec());
			default -> null;
		};
	}

	private static void checkConfigMap(ConfigMap configMap, String where, List<String> violations) {
		Map<String, String> data = (configMap.getData() != null) ? configMap.getData() : Map.of();
		data.forEach((key, value) -> {
			if (value == null || value.isBlank()) {
				return;
			}
			if (looksLikeSecretName(key)) {
				violations
					.add("secret-in-configmap: " + where + " key " + key + " looks like a credential; use a Secret");
			}
			else if (SECRET_VALUE.matcher(value).matches()) {
				violations.add("secret-in-configmap: " + where + " key " + key + " holds a credential-like value");
			}
		});
	}

	static boolean looksLikeSecretName(String name) {
		return SECRET_NAME.matcher(name).matches() && !NOT_A_SECRET_NAME.matcher(name).matches();
	}

	private static void checkPod(PodSpec pod, String where, boolean longRunning, Set<String> writableRoot,
			List<String> violations) {
		PodSecurityContext podSecurity = (pod.getSecurityContext() != null) ? pod.getSecurityContext()
				: new PodSecurityContext();
		List<Container> all = new ArrayList<>(pod.getContainers());
		if (pod.getInitContainers() != null) {
			all.addAll(pod.getInitContainers());
		}
		for (Container container : all) {
			String at = where + " container " + container.getName();
			checkImage(container.getImage(), at, violations);
			checkResources(container.getResources(), at, violations);
			checkSecurity(podSecurity, container, at, writableRoot, violations);
			checkEnv(container, at, violations);
		}
		if (longRunning) {
			for (Container container : pod.getContainers()) {
				String at = where + " container " + container.getName();
				if (container.getLivenessProbe() == null) {
					violations.add("missing-liveness-probe: " + at);
				}
				if (container.getReadinessProbe() == null) {
					violations.add("missing-readiness-probe: " + at);
				}
			}
		}
	}

	static void checkImage(String image, String at, List<String> violations) {
		if (image == null || image.isBlank()) {
			violations.add("untagged-image: " + at + " has no image");
			return;
		}
		if (image.contains("@sha256:")) {
			return; // a digest pins the content whatever the tag says
		}
		int slash = image.lastIndexOf('/');
		int colon = image.lastIndexOf(':');
		if (colon <= slash) {
			violations.add("untagged-image: " + at + " image " + image + " has no tag (means latest)");
		}
		else if (image.substring(colon + 1).equalsIgnoreCase("latest")) {
			violations.add("latest-tag: " + at + " image " + image);
		}
	}

	private static void checkResources(ResourceRequirements resources, String at, List<String> violations) {
		Map<String, Quantity> limits = (resources != null && resources.getLimits() != null) ? resources.getLimits()
				: Map.of();
		Map<String, Quantity> requests = (resources != null && resources.getRequests() != null)
				? resources.getRequests() : Map.of();
		for (String resource : Arrays.asList("cpu", "memory")) {
			if (!limits.containsKey(resource)) {
				violations.add("missing-resource-limits: " + at + " has no " + resource + " limit");
			}
			if (!requests.containsKey(resource)) {
				violations.add("missing-resource-limits: " + at + " has no " + resource + " request");
			}
		}
	}

	private static void checkSecurity(PodSecurityContext pod, Container container, String at, Set<String> writableRoot,
			List<String> violations) {
		SecurityContext own = (container.getSecurityContext() != null) ? container.getSecurityContext()
				: new SecurityContext();
		Boolean nonRoot = (own.getRunAsNonRoot() != null) ? own.getRunAsNonRoot() : pod.getRunAsNonRoot();
		Long user = (own.getRunAsUser() != null) ? own.getRunAsUser() : pod.getRunAsUser();
		if (!Boolean.TRUE.equals(nonRoot) || Long.valueOf(0).equals(user)) {
			violations.add("runs-as-root: " + at + " needs runAsNonRoot: true and a non-zero runAsUser");
		}
		if (!Boolean.FALSE.equals(own.getAllowPrivilegeEscalation())) {
			violations.add("privilege-escalation: " + at + " needs allowPrivilegeEscalation: false");
		}
		if (Boolean.TRUE.equals(own.getPrivileged())) {
			violations.add("privileged: " + at);
		}
		if (own.getCapabilities() == null || own.getCapabilities().getDrop() == null
				|| !own.getCapabilities().getDrop().contains("ALL")) {
			violations.add("capabilities-not-dropped: " + at + " must drop ALL capabilities");
		}
		String seccomp = (own.getSeccompProfile() != null) ? own.getSeccompProfile().getType()
				: (pod.getSeccompProfile() != null) ? pod.getSeccompProfile().getType() : null;
		if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
			violations.add("no-seccomp-profile: " + at + " needs seccompProfile RuntimeDefault");
		}
		if (!Boolean.TRUE.equals(own.getReadOnlyRootFilesystem()) && !writableRoot.contains(container.getName())) {
			violations.add("writable-root-filesystem: " + at + " needs readOnlyRootFilesystem: true (or the "
					+ WRITABLE_ROOT_ANNOTATION + " annotation saying why not)");
		}
	}

	private static void checkEnv(Container container, String at, List<String> violations) {
		if (container.getEnv() == null) {
			return;
		}
		for (EnvVar env : container.getEnv()) {
			String value = env.getValue();
			if (value == null || value.isBlank()) {
				continue;
			}
			if (looksLikeSecretName(env.getName()) || SECRET_VALUE.matcher(value).matches()) {
				violations.add("secret-literal-in-env: " + at + " env " + env.getName()
						+ " is a literal; take it from a Secret (secretKeyRef)");
			}
		}
	}

}
