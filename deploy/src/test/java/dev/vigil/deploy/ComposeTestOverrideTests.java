package dev.vigil.deploy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./vigil compose-test} runs the real docker-compose.yml with an override for what
 * cannot run here: it may swap infrastructure images (with their health checks and entry
 * points), drop the MongoDB credentials the stand-in cannot check and give the services
 * MinIO's root pair (S3Proxy knows one identity), and nothing else — so what passes there
 * is the file users run.
 */
class ComposeTestOverrideTests {

	private static final Set<String> INFRASTRUCTURE = Set.of("mongodb", "kafka", "kafka-init", "redis", "minio",
			"minio-init", "mosquitto");

	private static final Map<String, Map<String, Object>> override = ComposePolicy
		.services(ComposePolicy.load(Repository.resolve("deploy/compose-test/standins.yml")));

	private static final Map<String, Map<String, Object>> platform = ComposePolicy
		.services(ComposePolicy.load(Repository.resolve("docker-compose.yml")));

	@Test
	void overridesOnlyServicesOfTheRealFile() {
		assertThat(platform.keySet()).containsAll(override.keySet());
	}

	@Test
	void swapsInfrastructureImagesForStandInsNamedAsSuch() {
		override.forEach((name, service) -> {
			if (INFRASTRUCTURE.contains(name)) {
				assertThat(service.keySet()).as("keys overridden for %s", name)
					.isSubsetOf("image", "healthcheck", "entrypoint");
				assertThat(String.valueOf(service.get("image"))).startsWith("localhost/vigil-standin/");
			}
		});
	}

	@Test
	void leavesVigilServicesAsUsersRunThemButForTheMongoAndS3Credentials() {
		override.forEach((name, service) -> {
			if (!INFRASTRUCTURE.contains(name)) {
				assertThat(service.keySet()).as("keys overridden for %s", name).containsExactly("environment");
				Map<String, String> environment = ComposePolicy.environment(service);
				assertThat(environment.keySet()).as("variables overridden for %s", name)
					.isSubsetOf("SPRING_MONGODB_URI", "VIGIL_S3_ACCESS_KEY", "VIGIL_S3_SECRET_KEY");
				assertThat(ComposePolicy.environment(platform.get(name)))
					.containsKeys(environment.keySet().toArray(String[]::new));
				if (environment.containsKey("VIGIL_S3_ACCESS_KEY")) {
					// The real file gives each service its own MinIO user, never the root
					// pair.
					assertThat(ComposePolicy.environment(platform.get(name)).get("VIGIL_S3_ACCESS_KEY"))
						.doesNotStartWith("${VIGIL_S3_ACCESS_KEY");
				}
			}
		});
	}

}
