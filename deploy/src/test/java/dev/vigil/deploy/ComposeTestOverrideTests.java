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
	void runsTheFileFromTheCheckoutSoItsBindMountsResolve() throws java.io.IOException {
		// The file's relative bind mounts (./deploy/kafka, ...) resolve against the
		// project
		// directory: a copy of the file elsewhere mounts empty directories.
		platform.forEach((name, service) -> {
			Object volumes = service.get("volumes");
			if (volumes instanceof java.util.List<?> list) {
				list.stream()
					.map(String::valueOf)
					.filter((volume) -> volume.startsWith("./"))
					.forEach((volume) -> assertThat(Repository.resolve(volume.substring(2, volume.indexOf(':'))))
						.as("bind mount of %s", name)
						.exists());
			}
		});
		assertThat(java.nio.file.Files.readString(Repository.resolve("deploy/compose-test/compose-test.sh")))
			.contains("docker-compose --project-name \"$PROJECT\" --project-directory \"$ROOT\" ");
	}

	@Test
	void uploadsLikeACameraOfTheProductionProfile() throws java.io.IOException {
		// The edge's production profile refuses FTP logins before AUTH TLS (530), so the
		// test's camera uses FTPS, and shows the cleartext login refused.
		assertThat(java.nio.file.Files
			.readString(Repository.resolve("ingest-service/src/main/resources/application-production.yml")))
			.containsPattern("(?m)^      require-tls: true$");
		assertThat(java.nio.file.Files.readString(Repository.resolve("deploy/compose-test/compose-test.sh")))
			.contains("curl -fsS --ssl-reqd --insecure --ftp-pasv --ftp-create-dirs -T \"$media\" \"$url\"")
			.contains("grep -q '530' <<<\"$answer\"");
	}

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
