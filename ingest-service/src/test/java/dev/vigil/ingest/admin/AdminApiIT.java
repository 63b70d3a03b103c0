package dev.vigil.ingest.admin;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

import dev.vigil.ingest.ftp.FtpServerLifecycle;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The devstack conveniences (demo camera, generated admin token) and the admin API,
 * checked with a real FTP login of the cameras it creates.
 */
@ActiveProfiles("devstack")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "vigil.ingest.ftp.port=0",
		"vigil.ingest.ftp.passive-ports=0", "vigil.ingest.sftp.enabled=false", "vigil.ingest.publish.enabled=false" })
class AdminApiIT {

	static Path dataDir;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "admin-it").toAbsolutePath();
		registry.add("vigil.ingest.data-dir", dataDir::toString);
	}

	@Autowired
	FtpServerLifecycle ftp;

	@Value("${local.server.port}")
	int port;

	@Test
	void devstackCreatesDemoCameraWithPrivatePasswordFileThatLogsIn() throws Exception {
		Path file = dataDir.resolve("demo-camera.properties");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		Properties demo = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			demo.load(reader);
		}
		assertThat(demo.getProperty("user")).isEqualTo("demo");
		assertThat(demo.getProperty("password")).hasSizeGreaterThanOrEqualTo(20);
		assertThat(ftpLogin("demo", demo.getProperty("password"))).isTrue();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("admin-token"))))
			.isEqualTo("rw-------");
	}

	@Test
	void createsListsAndDeletesCamerasBehindTheBearerToken() throws Exception {
		HttpResponse<String> created = send("POST", "/edge/v1/cameras", token(),
				"{\"user\":\"porch\",\"cameraId\":\"porch\",\"allowedSources\":[\"127.0.0.0/8\"],\"timeZone\":\"Europe/Berlin\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location")).hasValue("/edge/v1/cameras/porch");
		String password = created.body().replaceAll(".*\"generatedPassword\":\"([^\"]+)\".*", "$1");
		assertThat(created.body()).doesNotContain("pbkdf2");
		assertThat(ftpLogin("porch", password)).isTrue();

		HttpResponse<String> list = send("GET", "/edge/v1/cameras", token(), null);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("\"user\":\"porch\"", "\"timeZone\":\"Europe/Berlin\"", "\"user\":\"demo\"")
			.doesNotContain("passwordHash");

		HttpResponse<String> duplicate = send("POST", "/edge/v1/cameras", token(),
				"{\"user\":\"porch\",\"cameraId\":\"porch2\",\"password\":\"long-enough-password\"}");
		assertThat(duplicate.statusCode()).isEqualTo(409);
		assertThat(duplicate.body()).contains("\"type\":\"https://vigil.dev/problems/conflict\"");

		assertThat(send("DELETE", "/edge/v1/cameras/porch", token(), null).statusCode()).isEqualTo(204);
		assertThat(ftpLogin("porch", password)).isFalse();
		HttpResponse<String> missing = send("GET", "/edge/v1/cameras/porch", token(), null);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void rejectsMissingOrWrongTokenAndInvalidBodiesWithProblemDetails() throws Exception {
		HttpResponse<String> anonymous = send("GET", "/edge/v1/cameras", null, null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
		assertThat(anonymous.body()).contains("https://vigil.dev/problems/unauthorized");
		assertThat(send("GET", "/edge/v1/cameras", "wrong-token-wrong-token-wrong", null).statusCode()).isEqualTo(401);

		HttpResponse<String> traversal = send("POST", "/edge/v1/cameras", token(),
				"{\"user\":\"../etc\",\"cameraId\":\"../../x\",\"password\":\"short\"}");
		assertThat(traversal.statusCode()).isEqualTo(400);
		assertThat(traversal.body()).contains("https://vigil.dev/problems/invalid-request", "cameraId", "user",
				"password");
		assertThat(send("POST", "/edge/v1/cameras", token(), "{not json").statusCode()).isEqualTo(400);
		assertThat(send("POST", "/edge/v1/cameras", token(),
				"{\"user\":\"cidr\",\"cameraId\":\"cidr\",\"allowedSources\":[\"camera.local/24\"]}")
			.statusCode()).isEqualTo(400);
		assertThat(send("POST", "/edge/v1/cameras", token(),
				"{\"user\":\"zone\",\"cameraId\":\"zone\",\"timeZone\":\"Mars/Olympus\"}")
			.statusCode()).isEqualTo(400);
	}

	@Test
	void refusesControlCharactersAndDuplicateKeysAndCreatesNothing() throws Exception {
		for (String body : new String[] { "{\"user\":\"nul\\u0000\",\"cameraId\":\"nul\"}",
				"{\"user\":\"nul\",\"cameraId\":\"nul\\u0000cam\"}", "{\"user\":\"nul\",\"cameraId\":\"line\\nbreak\"}",
				"{\"user\":\"nul\",\"cameraId\":\"nul\",\"password\":\"long-enough\\u0000password\"}",
				"{\"user\":\"nul\",\"cameraId\":\"nul\",\"timeZone\":\"UTC\\u0000\"}",
				"{\"user\":\"nul\",\"cameraId\":\"nul\",\"allowedSources\":[\"10.0.0.0/8\\u0000\"]}",
				"{\"user\":\"nul\",\"user\":\"other\",\"cameraId\":\"nul\"}" }) {
			HttpResponse<String> refused = send("POST", "/edge/v1/cameras", token(), body);
			assertThat(refused.statusCode()).as(body).isEqualTo(400);
			assertThat(refused.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(refused.body()).contains("https://vigil.dev/problems/invalid-request");
		}
		assertThat(send("GET", "/edge/v1/cameras", token(), null).body()).doesNotContain("\"nul", "\"other\"");
	}

	@Test
	void cameraCreatedWithRequireTlsCannotLogInInCleartextAndTheStoreIsPrivate() throws Exception {
		HttpResponse<String> created = send("POST", "/edge/v1/cameras", token(),
				"{\"user\":\"vault\",\"cameraId\":\"vault\",\"password\":\"vault-password-1\",\"requireTls\":true}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.body()).contains("\"requireTls\":true");
		assertThat(ftpLogin("vault", "vault-password-1")).isFalse();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("cameras.json"))))
			.isEqualTo("rw-------");
	}

	private boolean ftpLogin(String user, String password) throws IOException {
		FTPClient client = new FTPClient();
		client.connect("127.0.0.1", this.ftp.port());
		try {
			return client.login(user, password);
		}
		finally {
			client.disconnect();
		}
	}

	private static String token() throws IOException {
		return Files.readString(dataDir.resolve("admin-token")).trim();
	}

	private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.header("Content-Type", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

}
