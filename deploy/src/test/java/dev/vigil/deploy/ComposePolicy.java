package dev.vigil.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The rules for Compose files, checked on the YAML itself (no Docker engine here).
 * Violations start with a stable rule id:
 * <ul>
 * <li>{@code unknown-key}: a service key the Compose specification does not define (a
 * typo such as {@code healtcheck} is otherwise silently ignored by some tools);</li>
 * <li>{@code latest-tag}, {@code untagged-image}, {@code unpinned-image}: images are
 * pinned, also after {@code ${VAR:-default}} interpolation;</li>
 * <li>{@code missing-healthcheck}: every service, except a one-shot
 * ({@code restart: "no"}) that others wait for with
 * {@code service_completed_successfully};</li>
 * <li>{@code depends-on-without-condition}, {@code depends-on-unhealthy}: start order
 * waits for health;</li>
 * <li>{@code secret-literal}: credentials only as {@code ${VAR}} or
 * {@code ${VAR:?message}} references to the git-ignored .env, never literal and never a
 * {@code :-} default;</li>
 * <li>{@code stateful-without-volume}: databases, brokers, object stores and the edge
 * spool keep their data in a named volume.</li>
 * </ul>
 */
final class ComposePolicy {

	/** Service keys of the Compose specification. */
	private static final Set<String> SERVICE_KEYS = Set.of("annotations", "attach", "blkio_config", "build", "cap_add",
			"cap_drop", "cgroup", "cgroup_parent", "command", "configs", "container_name", "cpu_count", "cpu_percent",
			"cpu_period", "cpu_quota", "cpu_rt_period", "cpu_rt_runtime", "cpu_shares", "cpus", "cpuset", "depends_on",
			"deploy", "develop", "device_cgroup_rules", "devices", "dns", "dns_opt", "dns_search", "domainname",
			"entrypoint", "env_file", "environment", "expose", "extends", "external_links", "extra_hosts", "gpus",
			"group_add", "healthcheck", "hostname", "image", "init", "ipc", "isolation", "labels", "links", "logging",
			"mac_address", "mem_limit", "mem_reservation", "mem_swappiness", "memswap_limit", "network_mode",
			"networks", "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "ports", "post_start",
			"pre_stop", "privileged", "profiles", "pull_policy", "read_only", "restart", "runtime", "scale", "secrets",
			"security_opt", "shm_size", "stdin_open", "stop_grace_period", "stop_signal", "storage_opt", "sysctls",
			"tmpfs", "tty", "ulimits", "user", "userns_mode", "uts", "volumes", "volumes_from", "working_dir");

	/** Images whose containers keep state that must outlive them. */
	static final Set<String> STATEFUL_IMAGES = Set.of("mongo", "apache/kafka", "redis", "minio/minio", "ingest-service",
			"identity-service", "eclipse-mosquitto");

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\\}");

	private static final Pattern SECRET_REFERENCE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*(:?\\?[^}]*)?\\}");

	private ComposePolicy() {
	}

	/**
	 * YAML as `docker compose` v2 and the API server read it: a key written twice in one
	 * mapping is an error (SnakeYAML, and docker-compose 1.x, would keep the last one).
	 */
	static LoaderOptions strict() {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		return options;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> load(Path file) {
		try (Reader reader = Files.newBufferedReader(file)) {
			Object document = new Yaml(new SafeConstructor(strict())).load(reader);
			if (!(document instanceof Map<?, ?>)) {
				throw new IllegalStateException(file + " is not a Compose file (no top-level mapping)");
			}
			return (Map<String, Object>) document;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
		Object services = compose.get("services");
		return (services instanceof Map<?, ?> map) ? (Map<String, Map<String, Object>>) map : Map.of();
	}

	static List<String> violations(Path file) {
		return violations(load(file));
	}

	static List<String> violations(Map<String, Object> compose) {
		List<String> violations = new ArrayList<>();
		Map<String, Map<String, Object>> services = services(compose);
		if (services.isEmpty()) {
			violations.add("no-services: the file defines no services");
		}
		Set<String> namedVolumes = (compose.get("volumes") instanceof Map<?, ?> volumes) ? asStrings(volumes.keySet())
				: Set.of();
		services.forEach((name, service) -> {
			for (String key : service.keySet()) {
				if (!SERVICE_KEYS.contains(key)) {
					violations.add("unknown-key: service " + name + " has '" + key + "'");
				}
			}
			String image = checkImage(name, service, violations);
			checkHealth(name, service, services, violations);
			checkDependencies(name, service, services, violations);
			checkSecrets(name, service, violations);
			checkVolumes(name, service, image, namedVolumes, violations);
		});
		checkCycles(services, violations);
		return violations;
	}

	private static void checkCycles(Map<String, Map<String, Object>> services, List<String> violations) {
		Set<String> done = new java.util.HashSet<>();
		for (String name : services.keySet()) {
			findCycle(name, services, new ArrayList<>(), done, violations);
		}
	}

	private static void findCycle(String name, Map<String, Map<String, Object>> services, List<String> path,
			Set<String> done, List<String> violations) {
		if (path.contains(name)) {
			List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
			cycle.add(name);
			violations.add("depends-on-cycle: " + String.join(" -> ", cycle) + " can never start");
			return;
		}
		if (!done.add(name) || !services.containsKey(name)) {
			return;
		}
		path.add(name);
		for (String dependency : dependencies(services.get(name)).keySet()) {
			findCycle(dependency, services, path, done, violations);
		}
		path.remove(path.size() - 1);
	}

	/** Returns the image name after interpolating defaults (empty when there is none). */
	private static String checkImage(String name, Map<String, Object> service, List<String> violations) {
		if (!(service.get("image") instanceof String raw) || raw.isBlank()) {
			violations.add("untagged-image: service " + name + " has no image (builds are not shipped)");
			return "";
		}
		String image = interpolateDefaults(raw);
		if (image.contains("${")) {
			violations
				.add("unpinned-image: service " + name + " image " + raw + " depends on a variable without a default");
			return image;
		}
		ManifestPolicy.checkImage(image, "service " + name, violations);
		return image;
	}

	private static void checkHealth(String name, Map<String, Object> service, Map<String, Map<String, Object>> services,
			List<String> violations) {
		if (service.get("healthcheck") instanceof Map<?, ?> health && !Boolean.TRUE.equals(health.get("disable"))
				&& health.get("test") != null) {
			// podman 4's Docker API re-splits CMD arguments at spaces: ["CMD", "bash",
			// "-c",
			// "exec 3<>... && ..."] runs "bash -c exec" and is healthy at once. One
			// CMD-SHELL
			// string is passed through whole by Docker and podman alike.
			if (health.get("test") instanceof List<?> test && !test.isEmpty() && "CMD".equals(test.getFirst())
					&& test.stream().skip(1).anyMatch((argument) -> String.valueOf(argument).matches(".*\\s.*"))) {
				violations.add("healthcheck-cmd-with-spaces: service " + name
						+ " (use CMD-SHELL with one string: podman splits CMD arguments at spaces)");
			}
			return;
		}
		boolean oneShot = "no".equals(String.valueOf(service.get("restart")));
		boolean awaitedAsOneShot = oneShot && services.values()
			.stream()
			.map(ComposePolicy::dependencies)
			.filter((dependencies) -> dependencies.containsKey(name))
			.allMatch((dependencies) -> "service_completed_successfully".equals(dependencies.get(name)));
		if (!awaitedAsOneShot) {
			violations.add("missing-healthcheck: service " + name);
		}
	}

	private static void checkDependencies(String name, Map<String, Object> service,
			Map<String, Map<String, Object>> services, List<String> violations) {
		Object dependsOn = service.get("depends_on");
		if (dependsOn == null) {
			return;
		}
		if (!(dependsOn instanceof Map<?, ?>)) {
			violations.add("depends-on-without-condition: service " + name
					+ " lists dependencies without condition: service_healthy");
			return;
		}
		dependencies(service).forEach((dependency, condition) -> {
			if (condition == null) {
				violations.add("depends-on-without-condition: service " + name + " -> " + dependency);
			}
			else if (condition.equals("service_started")) {
				violations.add("depends-on-unhealthy: service " + name + " -> " + dependency
						+ " waits only for the start, not for health");
			}
			else if (condition.equals("service_healthy") && services.containsKey(dependency)
					&& !(services.get(dependency).get("healthcheck") instanceof Map<?, ?>)) {
				violations.add("depends-on-unhealthy: service " + name + " waits for the health of " + dependency
						+ ", which has no healthcheck");
			}
		});
	}

	/**
	 * Dependency name to its condition ({@code null} when the short list form is used).
	 */
	static Map<String, String> dependencies(Map<String, Object> service) {
		Map<String, String> result = new LinkedHashMap<>();
		Object dependsOn = service.get("depends_on");
		if (dependsOn instanceof List<?> list) {
			list.forEach((dependency) -> result.put(String.valueOf(dependency), null));
		}
		else if (dependsOn instanceof Map<?, ?> map) {
			map.forEach((dependency, options) -> result.put(String.valueOf(dependency),
					(options instanceof Map<?, ?> o && o.get("condition") != null) ? String.valueOf(o.get("condition"))
							: null));
		}
		return result;
	}

	private static void checkSecrets(String name, Map<String, Object> service, List<String> violations) {
		environment(service).forEach((key, value) -> {
			if (value == null || value.isEmpty()) {
				return;
			}
			if (ManifestPolicy.looksLikeSecretName(key)) {
				if (!SECRET_REFERENCE.matcher(value).matches()) {
					violations.add("secret-literal: service " + name + " " + key
							+ " must be exactly a ${VAR} or ${VAR:?message} reference to .env");
				}
			}
			else if (ManifestPolicy.SECRET_VALUE.matcher(value).matches()) {
				violations.add("secret-literal: service " + name + " " + key + " holds a credential-like literal");
			}
		});
	}

	/** The environment in either form (map, or list of KEY=VALUE). */
	static Map<String, String> environment(Map<String, Object> service) {
		Map<String, String> result = new LinkedHashMap<>();
		Object environment = service.get("environment");
		if (environment instanceof Map<?, ?> map) {
			map.forEach(
					(key, value) -> result.put(String.valueOf(key), (value != null) ? String.valueOf(value) : null));
		}
		else if (environment instanceof List<?> list) {
			for (Object entry : list) {
				String text = String.valueOf(entry);
				int equals = text.indexOf('=');
				if (equals < 0) {
					result.put(text, null);
				}
				else {
					result.put(text.substring(0, equals), text.substring(equals + 1));
				}
			}
		}
		return result;
	}

	private static void checkVolumes(String name, Map<String, Object> service, String image, Set<String> namedVolumes,
			List<String> violations) {
		// A one-shot (restart: "no", e.g. kafka-init on the broker's image) keeps no
		// state.
		if (!isStateful(image) || "no".equals(String.valueOf(service.get("restart")))) {
			return;
		}
		boolean hasNamedVolume = false;
		if (service.get("volumes") instanceof List<?> volumes) {
			for (Object volume : volumes) {
				String source = (volume instanceof Map<?, ?> v) ? String.valueOf(v.get("source"))
						: String.valueOf(volume).split(":")[0];
				hasNamedVolume |= namedVolumes.contains(source);
			}
		}
		if (!hasNamedVolume) {
			violations.add("stateful-without-volume: service " + name + " (" + image
					+ ") keeps state and needs a named volume declared under volumes:");
		}
	}

	static boolean isStateful(String image) {
		String repository = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
		int colon = repository.lastIndexOf(':');
		if (colon > repository.lastIndexOf('/')) {
			repository = repository.substring(0, colon);
		}
		for (String stateful : STATEFUL_IMAGES) {
			if (repository.equals(stateful) || repository.endsWith("/" + stateful)
					|| repository.equals("docker.io/library/" + stateful)) {
				return true;
			}
		}
		return false;
	}

	/** Replaces {@code ${VAR:-default}} and {@code ${VAR-default}} with the default. */
	static String interpolateDefaults(String text) {
		Matcher matcher = VARIABLE.matcher(text);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String operator = matcher.group(2);
			String replacement = (operator != null && operator.endsWith("-")) ? matcher.group(3) : matcher.group();
			matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private static Set<String> asStrings(Set<?> keys) {
		Set<String> result = new java.util.HashSet<>();
		keys.forEach((key) -> result.add(String.valueOf(key)));
		return result;
	}

}
