package dev.vigil.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed templates hold no secret values, the generated files are git-ignored, and
 * {@code deploy/gen-secrets.sh} fills every secret with a fresh random value, readable
 * only by its owner, without ever overwriting an existing file.
 */
class SecretTemplatesTests {

	@Test
	void committedTemplatesLeaveEverySecretEmpty() throws IOException {
		for (String template : List.of(".env.example", ".env.edge.example", "k8s/secrets.env.example")) {
			Map<String, String> values = read(Repository.resolve(template));
			values.forEach((key, value) -> {
				if (ManifestPolicy.looksLikeSecretName(key) || key.endsWith("_URI")) {
					assertThat(value).as("%s in %s", key, template).isEmpty();
				}
			});
		}
	}

	@Test
	void generatedSecretFilesAreIgnoredByGit() throws IOException {
		assertThat(Files.readAllLines(Repository.resolve(".gitignore"))).contains(".env", ".env.edge");
		assertThat(Files.readAllLines(Repository.resolve("k8s/.gitignore"))).contains("overlays/*/secrets/");
	}

	@Test
	void generatesRandomComposeSecretsOnceAndPrivately(@TempDir Path repo) throws IOException {
		Path script = copyGenerator(repo);
		Processes.Result first = Processes.run(repo, List.of("bash", script.toString(), "compose"), 60);
		assertThat(first.exitCode()).as(first.stderr()).isZero();
		Map<String, String> env = read(repo.resolve(".env"));
		for (String secret : List.of("MONGO_ROOT_PASSWORD", "MONGO_CATALOG_PASSWORD", "MONGO_IDENTITY_PASSWORD",
				"MONGO_NOTIFICATION_PASSWORD", "REDIS_PASSWORD", "VIGIL_S3_SECRET_KEY", "VIGIL_S3_INGEST_SECRET_KEY",
				"VIGIL_S3_PROCESSING_SECRET_KEY", "VIGIL_S3_CATALOG_SECRET_KEY", "VIGIL_S3_NOTIFICATION_SECRET_KEY",
				"VIGIL_UI_CLIENT_SECRET", "VIGIL_INGEST_ADMIN_TOKEN", "VIGIL_NOTIFICATION_SECRET_KEY",
				"VIGIL_MQTT_SERVICE_PASSWORD", "VIGIL_MQTT_PASSWORD")) {
			assertThat(env.get(secret)).as(secret).matches("[A-Za-z0-9]{32,}");
		}
		assertThat(env.get("VIGIL_UI_CLIENT_SECRET")).isNotEqualTo(env.get("VIGIL_INGEST_ADMIN_TOKEN"));
		assertThat(Files.getPosixFilePermissions(repo.resolve(".env")))
			.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

		Processes.Result second = Processes.run(repo, List.of("bash", script.toString(), "compose"), 60);
		assertThat(second.exitCode()).isNotZero();
		assertThat(second.stderr()).contains("exists");
		assertThat(read(repo.resolve(".env"))).isEqualTo(env);
	}

	@Test
	void addsOnlyTheSecretsAnOlderEnvFileLacks(@TempDir Path repo) throws IOException {
		Path script = copyGenerator(repo);
		assertThat(
				Processes.run(repo, List.of("env", "VIGIL_ADDRESS=10.1.2.3", "bash", script.toString(), "compose"), 60)
					.exitCode())
			.isZero();
		Path file = repo.resolve(".env");
		Map<String, String> before = read(file);
		// An .env of the version before per-service users: no MONGO_CATALOG_PASSWORD, an
		// empty ingest secret.
		Files.write(file, Files.readAllLines(file)
			.stream()
			.filter((line) -> !line.startsWith("MONGO_CATALOG_PASSWORD="))
			.map((line) -> line.startsWith("VIGIL_S3_INGEST_SECRET_KEY=") ? "VIGIL_S3_INGEST_SECRET_KEY=" : line)
			.toList());
		Processes.Result upgrade = Processes.run(repo, List.of("bash", script.toString(), "compose"), 60);
		assertThat(upgrade.exitCode()).as(upgrade.stderr()).isZero();
		assertThat(upgrade.stdout()).contains("Added MONGO_CATALOG_PASSWORD VIGIL_S3_INGEST_SECRET_KEY")
			.contains("create-users.js");
		Map<String, String> after = read(file);
		assertThat(after.get("MONGO_CATALOG_PASSWORD")).matches("[A-Za-z0-9]{32}");
		assertThat(after.get("VIGIL_S3_INGEST_SECRET_KEY")).matches("[A-Za-z0-9]{40}");
		before.forEach((key, value) -> {
			if (!key.equals("MONGO_CATALOG_PASSWORD") && !key.equals("VIGIL_S3_INGEST_SECRET_KEY")) {
				assertThat(after).containsEntry(key, value);
			}
		});
		assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);
	}

	@Test
	void generatesKubernetesSecretsWithASigningKey(@TempDir Path repo) throws IOException {
		Path script = copyGenerator(repo);
		Processes.Result result = Processes.run(repo, List.of("bash", script.toString(), "k8s", "dev"), 120);
		assertThat(result.exitCode()).as(result.stderr()).isZero();
		Path secrets = repo.resolve("k8s/overlays/dev/secrets");
		Map<String, String> env = read(secrets.resolve("secrets.env"));
		assertThat(env.keySet()).containsAll(read(Repository.resolve("k8s/secrets.env.example")).keySet());
		for (String user : List.of("CATALOG", "IDENTITY", "NOTIFICATION")) {
			assertThat(env.get("VIGIL_" + user + "_MONGODB_URI")).as(user)
				.contains(env.get("MONGO_" + user + "_PASSWORD"))
				.doesNotContain(env.get("MONGO_ROOT_PASSWORD"));
		}
		assertThat(env.get("VIGIL_S3_INGEST_SECRET_KEY")).matches("[A-Za-z0-9]{40}")
			.isNotEqualTo(env.get("VIGIL_S3_SECRET_KEY"));
		assertThat(Files.readString(secrets.resolve("signing-key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
	}

	@Test
	void refusesUnknownTargets(@TempDir Path repo) throws IOException {
		Path script = copyGenerator(repo);
		assertThat(Processes.run(repo, List.of("bash", script.toString(), "k8s", "staging"), 60).exitCode())
			.isEqualTo(2);
	}

	private static Path copyGenerator(Path repo) throws IOException {
		Files.createDirectories(repo.resolve("deploy"));
		Files.createDirectories(repo.resolve("k8s/overlays/dev"));
		for (String file : List.of("deploy/gen-secrets.sh", ".env.example", ".env.edge.example",
				"k8s/secrets.env.example")) {
			Files.copy(Repository.resolve(file), repo.resolve(file));
		}
		return repo.resolve("deploy/gen-secrets.sh");
	}

	private static Map<String, String> read(Path envFile) throws IOException {
		return Files.readAllLines(envFile)
			.stream()
			.filter((line) -> line.matches("[A-Z][A-Z0-9_]*=.*"))
			.collect(Collectors.toMap((line) -> line.substring(0, line.indexOf('=')),
					(line) -> line.substring(line.indexOf('=') + 1), (a, b) -> b));
	}

}
