package dev.vigil.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The rendered objects of one kustomize target (k8s/base or an overlay), rendered once
 * per test run, and what a container really gets from them: its generated ConfigMaps and
 * its effective environment (an {@code env} entry wins over {@code envFrom}, as in the
 * kubelet).
 */
final class Rendered {

	private static final Map<String, List<Manifest>> cache = new ConcurrentHashMap<>();

	/** kustomize's generator suffix: a dash and ten characters of the content hash. */
	static final Pattern HASH_SUFFIX = Pattern.compile("-[a-z0-9]{10}$");

	private Rendered() {
	}

	static List<Manifest> render(String target) {
		return cache.computeIfAbsent(target, (key) -> Manifest.parse(Kustomize.render(key)));
	}

	static <T extends HasMetadata> List<T> objects(String target, Class<T> type) {
		return render(target).stream().map(Manifest::object).filter(type::isInstance).map(type::cast).toList();
	}

	static <T extends HasMetadata> T named(String target, Class<T> type, String name) {
		return objects(target, type).stream()
			.filter((object) -> object.getMetadata().getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError(target + " has no " + type.getSimpleName() + " " + name));
	}

	/** The generated ConfigMap whose name is {@code name} plus the hash suffix. */
	static ConfigMap generatedConfigMap(String target, String name) {
		return objects(target, ConfigMap.class).stream()
			.filter((map) -> map.getMetadata().getName().startsWith(name + "-")
					&& HASH_SUFFIX.matcher(map.getMetadata().getName()).find()
					&& map.getMetadata().getName().length() == name.length() + 11)
			.findFirst()
			.orElseThrow(() -> new AssertionError(target + " has no generated ConfigMap " + name + "-<hash>"));
	}

	static Container container(String target, String deployment) {
		return named(target, Deployment.class, deployment).getSpec().getTemplate().getSpec().getContainers().getFirst();
	}

	/**
	 * The value a variable gets in the container: a literal {@code env} value,
	 * "fieldRef:PATH" for a downward-API field, or the value from an {@code envFrom}
	 * ConfigMap.
	 */
	static Optional<String> effectiveEnv(String target, Container container, String name) {
		for (EnvVar env : container.getEnv()) {
			if (env.getName().equals(name)) {
				if (env.getValueFrom() != null && env.getValueFrom().getFieldRef() != null) {
					return Optional.of("fieldRef:" + env.getValueFrom().getFieldRef().getFieldPath());
				}
				return Optional.ofNullable(env.getValue());
			}
		}
		// A later envFrom source wins over an earlier one.
		for (EnvFromSource source : container.getEnvFrom().reversed()) {
			if (source.getConfigMapRef() != null) {
				ConfigMap map = named(target, ConfigMap.class, source.getConfigMapRef().getName());
				if (map.getData() != null && map.getData().containsKey(name)) {
					return Optional.of(map.getData().get(name));
				}
			}
		}
		return Optional.empty();
	}

}
