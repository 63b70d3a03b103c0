package dev.vigil.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Least privilege between the components (#15 must-fix 9): each service reaches MinIO and
 * MongoDB with a user of its own that may do only what the service does, and the root
 * accounts stay with the stores and their init jobs. The init scripts run here against
 * stand-in {@code mc} and {@code db} objects that record what they are asked to do.
 */
class LeastPrivilegeTests {

	/** Service (compose and k8s name) to its MinIO policy name and MongoDB user. */
	private static final Map<String, String> S3_USERS = Map.of("ingest-service", "INGEST", "processing-service",
			"PROCESSING", "catalog-api", "CATALOG", "notification-service", "NOTIFICATION");

	private static final Map<String, String> MONGO_USERS = Map.of("catalog-api", "catalog", "identity-service",
			"identity", "notification-service", "notification");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static Map<String, String> composeEnvironment(String service) {
		return ComposePolicy.environment(
				ComposePolicy.services(ComposePolicy.load(Repository.resolve("docker-compose.yml"))).get(service));
	}

	@Test
	void composeGivesEveryServiceItsOwnMinioUserAndTheRootPairOnlyToMinioAndItsInit() {
		S3_USERS.forEach((service, user) -> assertThat(composeEnvironment(service)).as("S3 keys of %s", service)
			.hasEntrySatisfying("VIGIL_S3_ACCESS_KEY",
					(value) -> assertThat(value).startsWith("${VIGIL_S3_" + user + "_ACCESS_KEY:?"))
			.hasEntrySatisfying("VIGIL_S3_SECRET_KEY",
					(value) -> assertThat(value).startsWith("${VIGIL_S3_" + user + "_SECRET_KEY:?")));
		Map<String, Object> init = ComposePolicy.services(ComposePolicy.load(Repository.resolve("docker-compose.yml")))
			.get("minio-init");
		assertThat(String.valueOf(init.get("image"))).startsWith("minio/mc:");
		assertThat((List<?>) init.get("volumes")).map(String::valueOf)
			.containsExactly("./deploy/minio:/vigil/minio:ro");
		assertThat(ComposePolicy.environment(init)).containsKeys("MINIO_ROOT_USER", "MINIO_ROOT_PASSWORD");
	}

	@Test
	void noVigilServiceInComposeHoldsARootCredential() throws IOException {
		for (String file : List.of("docker-compose.yml", "docker-compose.edge.yml")) {
			ComposePolicy.services(ComposePolicy.load(Repository.resolve(file))).forEach((name, service) -> {
				if (String.valueOf(service.get("image")).contains("}/" + name + ":")) {
					ComposePolicy.environment(service)
						.forEach((key, value) -> assertThat(String.valueOf(value)).as("%s %s in %s", name, key, file)
							.doesNotContain("${VIGIL_S3_ACCESS_KEY", "${VIGIL_S3_SECRET_KEY", "${MONGO_ROOT_PASSWORD",
									"authSource=admin"));
				}
			});
		}
	}

	@Test
	void composeConnectsEachServiceToItsOwnDatabaseAsItsOwnUser() {
		MONGO_USERS.forEach((service, user) -> assertThat(composeEnvironment(service).get("SPRING_MONGODB_URI"))
			.as("MongoDB URI of %s", service)
			.matches("mongodb://" + user + ":\\$\\{MONGO_" + user.toUpperCase()
					+ "_PASSWORD:\\?[^}]*\\}@mongodb:27017/vigil-" + user + "\\?authSource=vigil-" + user));
		assertThat(composeEnvironment("mongodb")).containsKeys("MONGO_CATALOG_PASSWORD", "MONGO_IDENTITY_PASSWORD",
				"MONGO_NOTIFICATION_PASSWORD");
		assertThat((List<?>) ComposePolicy.services(ComposePolicy.load(Repository.resolve("docker-compose.yml")))
			.get("mongodb")
			.get("volumes")).map(String::valueOf).contains("./deploy/mongodb:/docker-entrypoint-initdb.d:ro");
	}

	@Test
	void ingestMayOnlyWriteOriginals() throws IOException {
		List<JsonNode> statements = statements("ingest");
		assertThat(actions(statements)).containsExactlyInAnyOrder("s3:PutObject", "s3:AbortMultipartUpload",
				"s3:ListMultipartUploadParts");
		assertThat(resources(statements)).containsExactly("arn:aws:s3:::@BUCKET@/originals/*");
		// No bucket rights at all, so the edge is told not to create the bucket.
		assertThat(composeEnvironment("ingest-service")).containsEntry("VIGIL_INGEST_PUBLISH_CREATE_BUCKET", "false");
		assertThat(ComposePolicy
			.environment(ComposePolicy.services(ComposePolicy.load(Repository.resolve("docker-compose.edge.yml")))
				.get("ingest-service")))
			.containsEntry("VIGIL_INGEST_PUBLISH_CREATE_BUCKET", "false");
		assertThat(Rendered.generatedConfigMap("overlays/edge", "vigil-ingest-config").getData())
			.containsEntry("VIGIL_INGEST_PUBLISH_CREATE_BUCKET", "false");
	}

	@Test
	void processingReadsOriginalsAndWritesOnlyDerivedMediaAndItsRunMarkers() throws IOException {
		List<JsonNode> statements = statements("processing");
		assertThat(allowed(statements, "arn:aws:s3:::@BUCKET@/originals/*")).containsExactly("s3:GetObject");
		assertThat(allowed(statements, "arn:aws:s3:::@BUCKET@/derived/*")).contains("s3:GetObject", "s3:PutObject")
			.doesNotContain("s3:DeleteObject");
		assertThat(allowed(statements, "arn:aws:s3:::@BUCKET@/processing/*")).contains("s3:PutObject",
				"s3:DeleteObject");
	}

	@Test
	void catalogReadsAndDeletesMediaAndWritesNothing() throws IOException {
		List<JsonNode> statements = statements("catalog");
		assertThat(actions(statements)).containsExactlyInAnyOrder("s3:GetObject", "s3:DeleteObject");
		assertThat(resources(statements)).containsExactlyInAnyOrder("arn:aws:s3:::@BUCKET@/originals/*",
				"arn:aws:s3:::@BUCKET@/derived/*");
	}

	@Test
	void notificationReadsOnlyDerivedSnapshots() throws IOException {
		List<JsonNode> statements = statements("notification");
		assertThat(actions(statements)).containsExactly("s3:GetObject");
		assertThat(resources(statements)).containsExactly("arn:aws:s3:::@BUCKET@/derived/*");
	}

	@Test
	void minioInitCreatesOneUserPerServiceWithItsPolicyAndTheBucketNameFilledIn(@TempDir Path dir) throws IOException {
		Path log = dir.resolve("mc.log");
		Processes.Result result = runMinioInit(dir, log, Map.of());
		assertThat(result.exitCode()).as(result.stderr()).isZero();
		List<String> calls = Files.readAllLines(log);
		assertThat(calls).contains("alias set vigil http://minio:9000 root-user root-password",
				"mb --ignore-existing vigil/media-it");
		for (String service : List.of("ingest", "processing", "catalog", "notification")) {
			assertThat(calls).contains("admin user add vigil vigil-" + service + " secret-of-" + service,
					"admin policy attach vigil vigil-" + service + " --user vigil-" + service);
			assertThat(calls).anyMatch((call) -> call.startsWith("admin policy create vigil vigil-" + service + " "));
		}
		assertThat(Files.readString(dir.resolve("policies/vigil-ingest.json")))
			.contains("arn:aws:s3:::media-it/originals/*")
			.doesNotContain("@BUCKET@");
	}

	@Test
	void minioInitRefusesAServiceWithoutKeysOrWithTheRootUser(@TempDir Path dir) throws IOException {
		Processes.Result missing = runMinioInit(dir, dir.resolve("mc.log"), Map.of("VIGIL_S3_CATALOG_SECRET_KEY", ""));
		assertThat(missing.exitCode()).isNotZero();
		assertThat(missing.stderr()).contains("the catalog S3 key pair is not set");
		Processes.Result root = runMinioInit(dir, dir.resolve("mc2.log"),
				Map.of("VIGIL_S3_PROCESSING_ACCESS_KEY", "root-user"));
		assertThat(root.exitCode()).isNotZero();
		assertThat(root.stderr()).contains("processing must not use the root user");
		assertThat(Files.readString(dir.resolve("mc2.log"))).doesNotContain("admin user add vigil root-user");
	}

	@Test
	void mongoInitCreatesOneReadWriteUserPerDatabaseAndUpdatesExistingOnes(@TempDir Path dir) throws IOException {
		Path harness = dir.resolve("harness.js");
		Files.writeString(harness, """
				const fs = require('fs');
				const vm = require('vm');
				const calls = [];
				const existing = new Set(['identity']);
				const db = { getSiblingDB: (name) => ({
				  getUser: (user) => existing.has(user) ? { user } : null,
				  createUser: (spec) => calls.push(['create', name, spec.user, spec.pwd, JSON.stringify(spec.roles)]),
				  updateUser: (user, spec) => calls.push(['update', name, user, spec.pwd, JSON.stringify(spec.roles)]),
				}) };
				vm.runInNewContext(fs.readFileSync(process.argv[2], 'utf8'), { db, process, print: () => {} });
				calls.forEach((call) => console.log(call.join(' ')));
				""");
		List<String> command = List.of("env", "MONGO_CATALOG_PASSWORD=pc", "MONGO_IDENTITY_PASSWORD=pi",
				"MONGO_NOTIFICATION_PASSWORD=pn", "node", harness.toString(),
				Repository.resolve("deploy/mongodb/create-users.js").toString());
		Processes.Result result = Processes.run(dir, command, 60);
		assertThat(result.exitCode()).as(result.stderr()).isZero();
		assertThat(result.stdout().lines()).containsExactly(
				"create vigil-catalog catalog pc [{\"role\":\"readWrite\",\"db\":\"vigil-catalog\"}]",
				"update vigil-identity identity pi [{\"role\":\"readWrite\",\"db\":\"vigil-identity\"}]",
				"create vigil-notification notification pn [{\"role\":\"readWrite\",\"db\":\"vigil-notification\"}]");

		List<String> withoutOne = new ArrayList<>(command);
		withoutOne.set(3, "MONGO_NOTIFICATION_PASSWORD=");
		Processes.Result refused = Processes.run(dir, withoutOne, 60);
		assertThat(refused.exitCode()).isNotZero();
		assertThat(refused.stderr()).contains("MONGO_NOTIFICATION_PASSWORD is not set");
	}

	@ParameterizedTest
	@org.junit.jupiter.params.provider.CsvSource({ "minio, init.sh, vigil-minio-init",
			"minio, vigil-ingest.json, vigil-minio-init", "minio, vigil-processing.json, vigil-minio-init",
			"minio, vigil-catalog.json, vigil-minio-init", "minio, vigil-notification.json, vigil-minio-init",
			"mongodb, create-users.js, vigil-mongodb-init", "kafka, init.sh, vigil-kafka-init",
			"kafka, acls.txt, vigil-kafka-init" })
	void kubernetesCreatesTheSameUsersAsCompose(String store, String file, String configMap) {
		// kustomize reads no file outside its tree: a copy, kept equal here.
		assertThat(Repository.resolve("k8s/overlays/dev/infrastructure/" + store + "/" + file))
			.hasSameTextualContentAs(Repository.resolve("deploy/" + store + "/" + file));
		assertThat(Rendered.generatedConfigMap("overlays/dev", configMap).getData()).containsKey(file);
	}

	@Test
	void kubernetesCreatesTheSameMongoUsersAsCompose() {
		StatefulSet mongodb = Rendered.named("overlays/dev", StatefulSet.class, "mongodb");
		Container container = mongodb.getSpec().getTemplate().getSpec().getContainers().getFirst();
		assertThat(container.getVolumeMounts())
			.anyMatch((mount) -> mount.getMountPath().equals("/docker-entrypoint-initdb.d"));
		assertThat(secretKeys(container)).contains("MONGO_CATALOG_PASSWORD", "MONGO_IDENTITY_PASSWORD",
				"MONGO_NOTIFICATION_PASSWORD");
	}

	@ParameterizedTest
	@ValueSource(strings = { "overlays/dev", "overlays/production", "overlays/edge" })
	void kubernetesGivesEachServiceItsOwnCredentialsAndNoRootOnes(String target) {
		for (Deployment deployment : Rendered.objects(target, Deployment.class)) {
			String name = deployment.getMetadata().getName();
			Set<String> keys = deployment.getSpec()
				.getTemplate()
				.getSpec()
				.getContainers()
				.stream()
				.flatMap((container) -> secretKeys(container).stream())
				.collect(Collectors.toSet());
			assertThat(keys).as("Secret keys of %s", name)
				.doesNotContain("VIGIL_S3_ACCESS_KEY", "VIGIL_S3_SECRET_KEY", "MONGO_ROOT_USERNAME",
						"MONGO_ROOT_PASSWORD", "SPRING_MONGODB_URI");
			if (S3_USERS.containsKey(name)) {
				assertThat(keys).contains("VIGIL_S3_" + S3_USERS.get(name) + "_ACCESS_KEY",
						"VIGIL_S3_" + S3_USERS.get(name) + "_SECRET_KEY");
			}
			if (MONGO_USERS.containsKey(name)) {
				assertThat(keys).contains("VIGIL_" + MONGO_USERS.get(name).toUpperCase() + "_MONGODB_URI");
			}
		}
	}

	@Test
	void onlyMinioAndItsInitJobHoldTheMinioRootPairInDev() {
		Job init = Rendered.named("overlays/dev", Job.class, "minio-init");
		Container mc = init.getSpec().getTemplate().getSpec().getContainers().getFirst();
		assertThat(mc.getCommand()).containsExactly("/bin/sh", "/vigil/minio/init.sh");
		Map<String, String> env = mc.getEnv()
			.stream()
			.filter((var) -> var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null)
			.collect(Collectors.toMap(EnvVar::getName, (var) -> var.getValueFrom().getSecretKeyRef().getKey()));
		assertThat(env).containsEntry("MINIO_ROOT_USER", "VIGIL_S3_ACCESS_KEY")
			.containsEntry("MINIO_ROOT_PASSWORD", "VIGIL_S3_SECRET_KEY");
		S3_USERS.values()
			.forEach((user) -> assertThat(env).containsKeys("VIGIL_S3_" + user + "_ACCESS_KEY",
					"VIGIL_S3_" + user + "_SECRET_KEY"));
	}

	@Test
	void noFileUsesTheDeprecatedIssuerVariables() throws IOException {
		for (String file : List.of("docker-compose.yml", "k8s/base/common/config.env",
				"k8s/overlays/dev/kustomization.yaml", "vigil")) {
			assertThat(Files.readString(Repository.resolve(file))).as(file)
				.doesNotContainPattern("(VIGIL_IDENTITY_ISSUER|VIGIL_OIDC_ISSUER_URI)\\s*[=:]");
		}
		assertThat(Rendered.generatedConfigMap("overlays/dev", "vigil-config").getData())
			.containsKey("VIGIL_ISSUER_URI");
	}

	private static Set<String> secretKeys(Container container) {
		return container.getEnv()
			.stream()
			.filter((var) -> var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null)
			.map((var) -> var.getValueFrom().getSecretKeyRef().getKey())
			.collect(Collectors.toSet());
	}

	private static Processes.Result runMinioInit(Path dir, Path log, Map<String, String> overrides) throws IOException {
		Path bin = Files.createDirectories(dir.resolve("bin"));
		Path policies = Files.createDirectories(dir.resolve("policies"));
		// A stand-in mc: logs each call (without --quiet/--config-dir), keeps policy
		// files,
		// and says no policy is attached yet.
		Path mc = bin.resolve("mc");
		Files.writeString(mc, """
				#!/bin/sh
				while [ "$1" = --quiet ] || [ "$1" = --config-dir ]; do
				  [ "$1" = --config-dir ] && shift
				  shift
				done
				echo "$*" >>"$MC_LOG"
				if [ "$1 $2 $3" = "admin policy create" ]; then cp "$6" "$POLICIES/"; fi
				exit 0
				""");
		Files.setPosixFilePermissions(mc, PosixFilePermissions.fromString("rwxr-xr-x"));
		Map<String, String> env = new java.util.LinkedHashMap<>();
		env.put("PATH", bin + ":" + System.getenv("PATH"));
		env.put("MC_LOG", log.toString());
		env.put("POLICIES", policies.toString());
		env.put("TMPDIR", dir.toString());
		env.put("MINIO_ROOT_USER", "root-user");
		env.put("MINIO_ROOT_PASSWORD", "root-password");
		env.put("VIGIL_S3_BUCKET", "media-it");
		for (String service : List.of("INGEST", "PROCESSING", "CATALOG", "NOTIFICATION")) {
			env.put("VIGIL_S3_" + service + "_ACCESS_KEY", "vigil-" + service.toLowerCase());
			env.put("VIGIL_S3_" + service + "_SECRET_KEY", "secret-of-" + service.toLowerCase());
		}
		env.putAll(overrides);
		List<String> command = new ArrayList<>(List.of("env", "-i"));
		env.forEach((key, value) -> command.add(key + "=" + value));
		command.addAll(List.of("sh", Repository.resolve("deploy/minio/init.sh").toString()));
		return Processes.run(dir, command, 60);
	}

	private static List<JsonNode> statements(String service) throws IOException {
		JsonNode policy = json
			.readTree(Files.readString(Repository.resolve("deploy/minio/vigil-" + service + ".json")));
		List<JsonNode> statements = new ArrayList<>();
		policy.get("Statement").forEach((statement) -> {
			assertThat(statement.get("Effect").asString()).isEqualTo("Allow");
			statements.add(statement);
		});
		return statements;
	}

	private static Set<String> actions(List<JsonNode> statements) {
		Set<String> actions = new java.util.TreeSet<>();
		statements.forEach((statement) -> statement.get("Action").forEach((action) -> actions.add(action.asString())));
		return actions;
	}

	private static Set<String> resources(List<JsonNode> statements) {
		Set<String> resources = new java.util.TreeSet<>();
		statements.forEach(
				(statement) -> statement.get("Resource").forEach((resource) -> resources.add(resource.asString())));
		return resources;
	}

	private static Set<String> allowed(List<JsonNode> statements, String resource) {
		Set<String> actions = new java.util.TreeSet<>();
		for (JsonNode statement : statements) {
			boolean matches = false;
			for (JsonNode r : statement.get("Resource")) {
				matches |= r.asString().equals(resource);
			}
			if (matches) {
				statement.get("Action").forEach((action) -> actions.add(action.asString()));
			}
		}
		return actions;
	}

}
