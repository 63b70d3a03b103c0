package dev.vigil.deploy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves each rule of the Kubernetes checks fails a manifest that breaks it, and that a
 * manifest following all of them passes (so the real overlays' green result means
 * something).
 */
class ManifestPolicyTests {

	private static List<String> check(String fixture) {
		List<Manifest> manifests = Manifest.parse(Fixtures.text("k8s/" + fixture));
		List<String> violations = new ArrayList<>(SchemaCheck.violations(manifests));
		violations.addAll(ManifestPolicy.violations(manifests));
		return violations;
	}

	@Test
	void acceptsDeploymentFollowingEveryRule() {
		assertThat(check("good-deployment.yaml")).isEmpty();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "latest-tag.yaml, latest-tag", "untagged-image.yaml, untagged-image",
			"missing-liveness-probe.yaml, missing-liveness-probe",
			"missing-readiness-probe.yaml, missing-readiness-probe", "missing-limits.yaml, missing-resource-limits",
			"runs-as-root.yaml, runs-as-root", "capabilities-kept.yaml, capabilities-not-dropped",
			"writable-root.yaml, writable-root-filesystem", "no-seccomp.yaml, no-seccomp-profile",
			"secret-in-configmap.yaml, secret-in-configmap", "credential-url-in-configmap.yaml, secret-in-configmap",
			"secret-literal-in-env.yaml, secret-literal-in-env", "unknown-field.yaml, unknown-field",
			"unknown-kind.yaml, unknown-kind", "wrong-type.yaml, invalid-object",
			"boolean-env-value.yaml, invalid-object", "invalid-quantity.yaml, invalid-quantity" })
	void rejectsManifestBreakingTheRule(String fixture, String rule) {
		assertThat(check(fixture)).as("violations of %s", fixture)
			.anyMatch((violation) -> violation.startsWith(rule + ":"));
	}

	@Test
	void namesTheFieldThatIsUnknown() {
		assertThat(check("unknown-field.yaml")).anyMatch((violation) -> violation.contains("livenesProbe"));
	}

	@Test
	void acceptsDigestPinnedImageWithoutTag() {
		List<String> violations = new ArrayList<>();
		ManifestPolicy.checkImage("mongo@sha256:" + "a".repeat(64), "test", violations);
		assertThat(violations).isEmpty();
	}

	@Test
	void treatsRegistryPortAsNoTag() {
		List<String> violations = new ArrayList<>();
		ManifestPolicy.checkImage("localhost:5000/vigil/ui", "test", violations);
		assertThat(violations).singleElement().asString().startsWith("untagged-image:");
	}

	@Test
	void keepsDurationsAndPathsAboutSecretsOutOfTheSecretRule() {
		assertThat(ManifestPolicy.looksLikeSecretName("VIGIL_IDENTITY_CLIENTS_ACCESS_TOKEN_TTL")).isFalse();
		assertThat(ManifestPolicy.looksLikeSecretName("VIGIL_IDENTITY_KEYS_DIR")).isFalse();
		assertThat(ManifestPolicy.looksLikeSecretName("VIGIL_INGEST_ADMIN_TOKEN")).isTrue();
		assertThat(ManifestPolicy.looksLikeSecretName("MINIO_ROOT_PASSWORD")).isTrue();
	}

}
