package dev.vigil.deploy;

import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Jib configuration in the root pom (profile {@code images}) builds what the
 * manifests and compose files expect: a Java 25 JRE base pinned by digest, both
 * platforms, the same non-root user the pods run as, and image names the deployments
 * reference.
 */
class ImageConfigurationTests {

	private static Element profile;

	@BeforeAll
	static void readRootPom() throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		Document pom = factory.newDocumentBuilder().parse(Repository.resolve("pom.xml").toFile());
		NodeList profiles = pom.getElementsByTagName("profile");
		for (int i = 0; i < profiles.getLength(); i++) {
			Element candidate = (Element) profiles.item(i);
			if (text(candidate, "id").equals("images")) {
				profile = candidate;
			}
		}
		assertThat(profile).as("profile 'images' in the root pom").isNotNull();
	}

	private static String text(Element parent, String tag) {
		NodeList nodes = parent.getElementsByTagName(tag);
		return (nodes.getLength() > 0) ? nodes.item(0).getTextContent().strip() : "";
	}

	private static List<String> texts(Element parent, String tag) {
		NodeList nodes = parent.getElementsByTagName(tag);
		List<String> result = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			result.add(nodes.item(i).getTextContent().strip());
		}
		return result;
	}

	@Test
	void pinsAJava25JreBaseByVersionAndDigest() {
		assertThat(text(profile, "vigil.image.base"))
			.matches("eclipse-temurin:25(\\.[0-9]+)*(_[0-9]+)?-jre-[a-z]+@sha256:[0-9a-f]{64}");
		assertThat(text(profile, "jib.version")).isEqualTo("3.5.2");
	}

	@Test
	void buildsForAmd64AndArm64() {
		assertThat(texts(profile, "architecture")).containsExactlyInAnyOrder("amd64", "arm64");
		assertThat(texts(profile, "os")).containsOnly("linux");
	}

	@Test
	void runsAsTheNonRootUserThePodsExpect() {
		String user = text(profile, "user");
		assertThat(user).matches("[1-9][0-9]*:[1-9][0-9]*");
		long uid = Long.parseLong(user.substring(0, user.indexOf(':')));
		for (Deployment deployment : Manifest.parse(Kustomize.render("base"))
			.stream()
			.map(Manifest::object)
			.filter(Deployment.class::isInstance)
			.map(Deployment.class::cast)
			.toList()) {
			assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser())
				.as("runAsUser of %s", deployment.getMetadata().getName())
				.isEqualTo(uid);
		}
	}

	@Test
	void namesImagesAsTheDeploymentsReferenceThem() {
		assertThat(text(profile, "image")).contains("${vigil.image.base}");
		assertThat(texts(profile, "image"))
			.contains("${vigil.image.registry}/${project.artifactId}:${vigil.image.tag}");
		assertThat(text(profile, "vigil.image.registry")).isEqualTo("vigil");
		for (String service : List.of("identity-service", "catalog-api", "processing-service", "notification-service",
				"ui", "gateway-edge", "ingest-service")) {
			assertThat(
					String.valueOf(ComposePolicy.services(ComposePolicy.load(Repository.resolve("docker-compose.yml")))
						.get(service)
						.get("image")))
				.isEqualTo("${VIGIL_IMAGE_REGISTRY:-vigil}/" + service + ":${VIGIL_VERSION:-0.1.0-SNAPSHOT}");
		}
	}

	@Test
	void buildsLoadsAndRunsEveryServiceTheLauncherRuns() throws Exception {
		// A new module in ./vigil up must also get an image (build-images.sh), be loaded
		// by compose-test, run in compose and in Kubernetes.
		java.util.Set<String> launched = words(java.nio.file.Files.readString(Repository.resolve("vigil")),
				"(?m)^SERVICES=\\(([^)]*)\\)");
		assertThat(launched).contains("notification-service");
		assertThat(words(java.nio.file.Files.readString(Repository.resolve("deploy/build-images.sh")),
				"(?m)^SERVICES=\"([^\"]*)\""))
			.isEqualTo(launched);
		assertThat(words(java.nio.file.Files.readString(Repository.resolve("deploy/compose-test/compose-test.sh")),
				"(?m)^SERVICES=\\(([^)]*)\\)"))
			.isEqualTo(launched);
		java.util.Set<String> composed = new java.util.HashSet<>();
		ComposePolicy.services(ComposePolicy.load(Repository.resolve("docker-compose.yml")))
			.forEach((name, service) -> {
				if (String.valueOf(service.get("image")).startsWith("${VIGIL_IMAGE_REGISTRY:-vigil}/")) {
					composed.add(name);
				}
			});
		assertThat(composed).isEqualTo(launched);
		assertThat(Manifest.parse(Kustomize.render("base"))
			.stream()
			.map(Manifest::object)
			.filter(Deployment.class::isInstance)
			.map((deployment) -> deployment.getMetadata().getName())
			.collect(java.util.stream.Collectors.toSet())).isEqualTo(launched);
	}

	private static java.util.Set<String> words(String text, String pattern) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(pattern).matcher(text);
		assertThat(matcher.find()).as("%s", pattern).isTrue();
		return new java.util.HashSet<>(List.of(matcher.group(1).strip().split("[\\s,]+")));
	}

}
