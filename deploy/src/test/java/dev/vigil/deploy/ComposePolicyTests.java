package dev.vigil.deploy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves each Compose rule fails a file that breaks it, and passes one that follows them
 * all.
 */
class ComposePolicyTests {

	private static List<String> check(String fixture) {
		return ComposePolicy.violations(Fixtures.path("compose/" + fixture));
	}

	@Test
	void acceptsComposeFileFollowingEveryRule() {
		assertThat(check("good.yml")).isEmpty();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "latest-tag.yml, latest-tag", "untagged-image.yml, untagged-image",
			"latest-by-default.yml, latest-tag", "unpinned-image.yml, unpinned-image",
			"missing-healthcheck.yml, missing-healthcheck", "one-shot-not-awaited.yml, missing-healthcheck",
			"healthcheck-cmd-with-spaces.yml, healthcheck-cmd-with-spaces",
			"depends-on-without-condition.yml, depends-on-without-condition", "secret-literal.yml, secret-literal",
			"secret-default.yml, secret-literal", "credential-url.yml, secret-literal",
			"stateful-without-volume.yml, stateful-without-volume",
			"bind-mount-not-volume.yml, stateful-without-volume", "unknown-key.yml, unknown-key",
			"depends-on-cycle.yml, depends-on-cycle" })
	void rejectsComposeFileBreakingTheRule(String fixture, String rule) {
		assertThat(check(fixture)).as("violations of %s", fixture)
			.anyMatch((violation) -> violation.startsWith(rule + ":"));
	}

	@Test
	void interpolatesDefaultsButKeepsRequiredVariables() {
		assertThat(ComposePolicy.interpolateDefaults("${R:-vigil}/ui:${V:-1.0}")).isEqualTo("vigil/ui:1.0");
		assertThat(ComposePolicy.interpolateDefaults("vigil/ui:${V:?set V}")).isEqualTo("vigil/ui:${V:?set V}");
	}

	@Test
	void recognisesStatefulImagesWhateverTheRegistry() {
		assertThat(ComposePolicy.isStateful("mongo:8.0.13")).isTrue();
		assertThat(ComposePolicy.isStateful("registry.example.com/vigil/ingest-service:0.1.0")).isTrue();
		assertThat(ComposePolicy.isStateful("vigil/ui:0.1.0")).isFalse();
	}

}
