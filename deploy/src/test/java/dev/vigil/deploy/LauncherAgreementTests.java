package dev.vigil.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's table of HTTP ports and the project version are the one source the other
 * ways of running Vigil must agree with: each service's {@code application.yml}, the
 * Kubernetes manifests, the URLs compose and Kubernetes give the services, and the image
 * tags. YAML cannot include the launcher, so the agreement is checked here instead.
 */
class LauncherAgreementTests {

	private static final Pattern PORT_TABLE = Pattern.compile("(?s)declare -A HTTP_PORT=\\((.*?)\\)");

	private static final Pattern PORT_ENTRY = Pattern.compile("\\[([a-z-]+)]=(\\d+)");

	private static final Pattern SERVICE_URL = Pattern.compile("https?://([a-z-]+):(\\d+)");

	private static final String MANAGEMENT_PORT = "9464";

	private static Map<String, String> launcherPorts() throws IOException {
		Matcher table = PORT_TABLE.matcher(Files.readString(Repository.resolve("vigil")));
		assertThat(table.find()).as("declare -A HTTP_PORT=(...) in ./vigil").isTrue();
		Map<String, String> ports = new LinkedHashMap<>();
		Matcher entry = PORT_ENTRY.matcher(table.group(1));
		while (entry.find()) {
			ports.put(entry.group(1), entry.group(2));
		}
		return ports;
	}

	@Test
	void everyServiceListensWhereTheLauncherSays() throws IOException {
		Map<String, String> ports = launcherPorts();
		assertThat(ports).hasSize(7);
		ports.forEach((service, port) -> assertThat(applicationPort(service))
			.as("server.port in %s/src/main/resources/application.yml", service)
			.isEqualTo(port));
	}

	@Test
	void kubernetesRunsEveryServiceOnTheLaunchersPort() throws IOException {
		Map<String, String> ports = launcherPorts();
		List<Deployment> deployments = Manifest.parse(Kustomize.render("base"))
			.stream()
			.map(Manifest::object)
			.filter(Deployment.class::isInstance)
			.map(Deployment.class::cast)
			.toList();
		assertThat(deployments).hasSize(ports.size());
		for (Deployment deployment : deployments) {
			String service = deployment.getMetadata().getName();
			Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
			assertThat(container.getEnv()).as(service)
				.filteredOn((env) -> env.getName().equals("SERVER_PORT"))
				.map(EnvVar::getValue)
				.containsExactly(ports.get(service));
			assertThat(container.getPorts()).as(service)
				.filteredOn((port) -> "http".equals(port.getName()))
				.map(ContainerPort::getContainerPort)
				.containsExactly(Integer.valueOf(ports.get(service)));
		}
	}

	@Test
	void composeAndKubernetesCallEachServiceOnItsPort() throws IOException {
		Map<String, String> ports = launcherPorts();
		List<String> wrong = new ArrayList<>();
		for (Path file : deploymentFiles()) {
			Matcher url = SERVICE_URL.matcher(Files.readString(file));
			while (url.find()) {
				String expected = ports.get(url.group(1));
				if (expected != null && !url.group(2).equals(expected) && !url.group(2).equals(MANAGEMENT_PORT)) {
					wrong.add(Repository.root().relativize(file) + ": " + url.group() + " (./vigil: " + expected + ")");
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void everyImageAndScriptNamesTheProjectVersion() throws IOException {
		String version = projectVersion();
		String release = version.replaceFirst("-SNAPSHOT$", "");
		String launcher = Files.readString(Repository.resolve("vigil"));
		assertThat(launcher).as("./vigil reads the version from pom.xml").doesNotContain(version);
		assertThat(Files.readString(Repository.resolve("deploy/gen-secrets.sh")))
			.contains("VERSION=\"${VIGIL_VERSION:-" + version + "}\"");
		assertThat(Files.readString(Repository.resolve("deploy/compose-test/compose-test.sh")))
			.containsPattern("(?m)^VERSION=" + Pattern.quote(version) + "$");
		List<String> wrong = new ArrayList<>();
		Pattern tag = Pattern.compile("vigil}?/[a-z-]+:(?:\\$\\{VIGIL_VERSION:-)?([0-9][^}\\s\"]*)|newTag: (\\S+)");
		for (Path file : deploymentFiles()) {
			Matcher found = tag.matcher(Files.readString(file));
			while (found.find()) {
				String named = (found.group(1) != null) ? found.group(1) : found.group(2);
				// Production pins the release that this snapshot becomes.
				String expected = file.toString().contains("overlays/production") ? release : version;
				if (!named.equals(expected)) {
					wrong.add(Repository.root().relativize(file) + ": " + found.group());
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	private static String projectVersion() throws IOException {
		Matcher version = Pattern
			.compile("(?s)</parent>.*?<artifactId>vigil</artifactId>\\s*<version>([^<]+)</version>")
			.matcher(Files.readString(Repository.resolve("pom.xml")));
		assertThat(version.find()).as("the root pom's version").isTrue();
		return version.group(1);
	}

	private static List<Path> deploymentFiles() throws IOException {
		List<Path> files = new ArrayList<>();
		try (Stream<Path> root = Files.list(Repository.root())) {
			root.filter((file) -> file.getFileName().toString().matches("docker-compose.*\\.yml")).forEach(files::add);
		}
		try (Stream<Path> k8s = Files.walk(Repository.resolve("k8s"))) {
			k8s.filter(Files::isRegularFile)
				.filter((file) -> file.getFileName().toString().matches(".*\\.(ya?ml|env|example)"))
				.forEach(files::add);
		}
		assertThat(files).hasSizeGreaterThan(10);
		return files;
	}

	private static String applicationPort(String service) {
		Path file = Repository.resolve(service + "/src/main/resources/application.yml");
		try {
			String yaml = Files.readString(file);
			Yaml parser = new Yaml(new SafeConstructor(ComposePolicy.strict()));
			Object first = parser.loadAll(yaml).iterator().next();
			Object server = ((Map<?, ?>) first).get("server");
			return String.valueOf(((Map<?, ?>) server).get("port"));
		}
		catch (IOException ex) {
			throw new AssertionError("cannot read " + file, ex);
		}
	}

}
