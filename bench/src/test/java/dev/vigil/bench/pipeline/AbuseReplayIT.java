package dev.vigil.bench.pipeline;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.vigil.bench.platform.Platform;
import dev.vigil.bench.platform.Platform.Service;
import dev.vigil.bench.platform.ServiceProcess;
import dev.vigil.bench.sim.CameraSimulator;
import dev.vigil.bench.sim.Uniquifier;
import dev.vigil.devstack.Infrastructure;
import dev.vigil.devstack.TestMedia;
import dev.vigil.devstack.VigilInfrastructure;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The attacks of #15 replayed against a running platform (identity-service, catalog-api,
 * the edge and gateway-edge, each from its jar on free loopback ports), the way the
 * attack run did them: an FTP data-connection hijack from another address, another
 * camera's upload of the same bytes onto an item under legal hold, an ID token and a
 * forged role/scope claim as API keys, an admin's least-privilege token, guessing a
 * camera password between logins with one's own camera, metrics through the gateway, and
 * the inputs that got 500s, HTML pages or empty bodies. Each must fail the way
 * docs/security.md says. Other loopback addresses (127.0.0.x) stand in for other hosts.
 */
@VigilInfrastructure
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AbuseReplayIT {

	static final CameraSimulator.Camera GATE = new CameraSimulator.Camera("abuse-gate", "abuse-gate-cam",
			"abuse-gate-password-1", "00626E5A2B2A");

	static final CameraSimulator.Camera YARD = new CameraSimulator.Camera("abuse-yard", "abuse-yard-cam",
			"abuse-yard-password-1", "00626E5A2B2B");

	@TempDir
	static Path work;

	static Platform platform;

	static ServiceProcess gateway;

	static String adminPassword;

	static final int sftpPort = freeSftpPort();

	static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeAll
	static void startPlatform(Infrastructure infrastructure) throws IOException {
		platform = Platform.on(infrastructure, work)
			.services(Service.IDENTITY, Service.CATALOG, Service.INGEST, Service.GATEWAY)
			.cameras(List.of(GATE, YARD))
			// Own databases: other ITs in this JVM share the MongoDB server.
			.property(Service.IDENTITY, "spring.mongodb.database", "vigil-identity-abuse-it")
			.property(Service.CATALOG, "spring.mongodb.database", "vigil-catalog-abuse-it")
			// The bench platform turns SFTP off; the SFTP attacks need it.
			.property(Service.INGEST, "vigil.ingest.sftp.enabled", "true")
			.property(Service.INGEST, "vigil.ingest.sftp.port", Integer.toString(sftpPort))
			.startTimeout(Duration.ofMinutes(10))
			.start();
		gateway = platform.service(Service.GATEWAY);
	}

	@AfterAll
	static void stopPlatform() {
		if (platform != null) {
			platform.close();
		}
		http.close();
	}

	@Test
	@Order(1)
	void aPassiveDataConnectionFromAnotherAddressStoresNothing() throws Exception {
		FTPClient camera = login(GATE, "127.0.0.1");
		cameraDirectory(camera, GATE);
		assertThat(camera.sendCommand("PASV")).isEqualTo(227);
		String reply = camera.getReplyString();
		String[] numbers = reply.substring(reply.indexOf('(') + 1, reply.indexOf(')')).split(",");
		int port = Integer.parseInt(numbers[4].trim()) * 256 + Integer.parseInt(numbers[5].trim());
		byte[] forged = jpeg("forged-by-another-host");
		try (Socket attacker = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName("127.0.0.9"),
				0)) {
			// Another host reaches the announced port first and sends its bytes.
			OutputStream out = attacker.getOutputStream();
			out.write(forged);
			out.flush();
			int store = camera.sendCommand("STOR", "MDAlarm_20261125-090000.jpg");
			if (FTPReply.isPositivePreliminary(store)) {
				camera.completePendingCommand();
			}
			assertThat(camera.getReplyCode()).as(camera.getReplyString()).isIn(425, 426);
		}
		// The camera's own upload on the same session still works ...
		byte[] own = jpeg("the-cameras-own");
		camera.enterLocalPassiveMode();
		assertThat(camera.storeFile("MDAlarm_20261125-090001.jpg", new ByteArrayInputStream(own)))
			.as(camera.getReplyString())
			.isTrue();
		camera.logout();
		camera.disconnect();
		// ... and reaches the catalog, the forged bytes never do.
		String admin = admin("openid admin media:read media:write");
		awaitStatus("/api/v1/media/" + GATE.id() + "." + sha256(own), admin, 200);
		assertThat(get("/api/v1/media/" + sha256(forged), admin).statusCode()).isEqualTo(404);
	}

	@Test
	@Order(2)
	void anotherCamerasUploadOfTheSameBytesLeavesAHeldItemAsItWas() throws Exception {
		byte[] evidence = jpeg("evidence");
		String sha = sha256(evidence);
		upload(GATE, "MDAlarm_20261125-091500.jpg", evidence);
		String admin = admin("openid admin media:read media:write");
		JsonNode before = Platform.json(awaitStatus("/api/v1/media/" + GATE.id() + "." + sha, admin, 200).body());
		HttpResponse<String> hold = send(request("/api/v1/media/" + GATE.id() + "." + sha + "/legal-hold", admin)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"hold\":true,\"reason\":\"evidence\"}")));
		assertThat(hold.statusCode()).as(hold.body()).isEqualTo(200);

		// The attack: a second camera (one stolen password) sends the same bytes.
		upload(YARD, "MDAlarm_20261201-120000.jpg", evidence);
		JsonNode copy = Platform.json(awaitStatus("/api/v1/media/" + YARD.id() + "." + sha, admin, 200).body());
		assertThat(copy.get("cameraId").asString()).isEqualTo(YARD.id());

		JsonNode after = Platform.json(get("/api/v1/media/" + GATE.id() + "." + sha, admin).body());
		assertThat(after.get("cameraId").asString()).isEqualTo(GATE.id());
		assertThat(after.get("takenAt")).isEqualTo(before.get("takenAt"));
		assertThat(after.get("originalPath")).isEqualTo(before.get("originalPath"));
		assertThat(after.get("eventId")).isEqualTo(before.get("eventId"));
		assertThat(after.get("legalHold").asBoolean()).isTrue();
		// Scripts look uploads up by content: ambiguous for the admin, who sees both.
		assertThat(get("/api/v1/media/" + sha, admin).statusCode()).isEqualTo(409);
	}

	@Test
	@Order(3)
	void anIdTokenIsNoApiKey() throws Exception {
		JsonNode tokens = new OidcLogin(platform.issuer()).tokens("admin", adminPassword(), null,
				"openid admin media:read media:write");
		String idToken = tokens.get("id_token").asString();
		String accessToken = tokens.get("access_token").asString();
		for (String path : List.of("/api/v1/media", "/api/v1/audit", "/auth/admin/v1/users")) {
			assertThat(get(path, idToken).statusCode()).as("ID token on " + path).isEqualTo(401);
			assertThat(get(path, accessToken).statusCode()).as("access token on " + path).isEqualTo(200);
		}
	}

	@Test
	@Order(4)
	void theAdminRoleGrantsNothingBeyondTheTokensScopesAndForgedClaimsAreRefused() throws Exception {
		String reader = admin("openid media:read");
		assertThat(get("/api/v1/media", reader).statusCode()).isEqualTo(200);
		assertThat(get("/api/v1/audit", reader).statusCode()).as("roles: [admin] but scope media:read").isEqualTo(403);
		assertThat(get("/auth/admin/v1/users", reader).statusCode()).isEqualTo(403);

		// The same token with "admin" written into its scope and roles: the signature no
		// longer matches.
		String[] parts = reader.split("\\.");
		JsonNode claims = Platform.json(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
		String forgedClaims = claims.toString()
			.replaceFirst("\"scope\":\\[[^\\]]*\\]", "\"scope\":[\"admin\",\"media:read\",\"media:write\"]")
			.replaceFirst("\\{", "{\"roles\":[\"admin\"],");
		assertThat(forgedClaims).contains("\"admin\",\"media:read\"");
		String forged = parts[0] + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(forgedClaims.getBytes(StandardCharsets.UTF_8))
				+ "." + parts[2];
		assertThat(get("/api/v1/audit", forged).statusCode()).isEqualTo(401);
		assertThat(get("/auth/admin/v1/users", forged).statusCode()).isEqualTo(401);
	}

	@Test
	@Order(5)
	void aCorrectLoginWithOnesOwnCameraDoesNotClearTheGuessesAtAnother() throws Exception {
		// The attacker holds the yard camera's password and guesses the gate's, logging
		// in as the yard camera after each guess. Default: 5 failures lock the source.
		String source = "127.0.0.21";
		for (int guess = 0; guess < 5; guess++) {
			FTPClient attacker = connect(source);
			assertThat(attacker.login(GATE.user(), "guess-" + guess)).isFalse();
			assertThat(attacker.getReplyCode()).isEqualTo(530);
			if (guess < 4) {
				assertThat(attacker.login(YARD.user(), YARD.password())).as(attacker.getReplyString()).isTrue();
			}
			attacker.disconnect();
		}
		assertThatExceptionOfType(FTPConnectionClosedException.class).isThrownBy(() -> connect(source))
			.withMessageContaining("421");
		// The cameras themselves, from their own address, keep uploading.
		upload(GATE, "MDAlarm_20261125-093000.jpg", jpeg("after-the-guessing"));
	}

	@Test
	@Order(6)
	void sftpPathEscapesLinksAndPermissionLockOutsAreRefused() throws Exception {
		byte[] escape = jpeg("sftp-escape");
		try (SshClient ssh = SshClient.setUpDefaultClient()) {
			ssh.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
			ssh.start();
			try (ClientSession session = ssh.connect(GATE.user(), "127.0.0.1", sftpPort)
				.verify(Duration.ofSeconds(30))
				.getSession()) {
				session.addPasswordIdentity(GATE.password());
				session.auth().verify(Duration.ofSeconds(30));
				try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
					// Out of the jail: the write lands in the camera's own home.
					try (OutputStream out = sftp.write("/../../../MDAlarm_20261125-094000.jpg")) {
						out.write(escape);
					}
					assertThatException().as("symbolic link to a host file")
						.isThrownBy(() -> sftp.link("/etc/passwd", "/passwd", true));
					try (OutputStream out = sftp.write("/keep.tmp")) {
						out.write("held back".getBytes(StandardCharsets.UTF_8));
					}
					assertThatException().as("hard link")
						.isThrownBy(() -> sftp.link("/keep.tmp", "/linked.tmp", false));
					assertThatIOException().as("chmod 000 of the home")
						.isThrownBy(() -> sftp.setStat("/", new SftpClient.Attributes().perms(0)));
					assertThatIOException().as("no symbolic link made").isThrownBy(() -> sftp.stat("/passwd"));
					assertThatIOException().as("no hard link made").isThrownBy(() -> sftp.stat("/linked.tmp"));
					assertThat(sftp.stat("/").getPermissions() & 0500).as("the home stays readable").isEqualTo(0500);
				}
			}
		}
		assertThat(platform.work().resolve("MDAlarm_20261125-094000.jpg")).doesNotExist();
		String admin = admin("openid admin media:read");
		JsonNode item = Platform
			.json(awaitStatus("/api/v1/media/" + GATE.id() + "." + sha256(escape), admin, 200).body());
		assertThat(item.get("cameraId").asString()).isEqualTo(GATE.id());
		assertThat(item.get("originalPath").asString()).isEqualTo("MDAlarm_20261125-094000.jpg");
	}

	@Test
	@Order(7)
	void oneCallerCannotTakeAllLiveStreamsThroughTheGateway() throws Exception {
		// One signed-in user opening streams in a loop, a fresh token each time: the
		// catalog's cap is 10 per caller (token subject), then 429; others still get one.
		List<HttpResponse<Stream<String>>> open = new ArrayList<>();
		try {
			String token = admin("openid media:read");
			for (int i = 0; i < 10; i++) {
				HttpResponse<Stream<String>> stream = openStream((i == 5) ? admin("openid media:read") : token);
				open.add(stream);
				assertThat(stream.statusCode()).as("stream %d", i + 1).isEqualTo(200);
			}
			HttpResponse<Stream<String>> refused = openStream(admin("openid media:read"));
			open.add(refused);
			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(refused.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(refused.body().collect(Collectors.joining()))
				.contains("https://vigil.dev/problems/too-many-streams");
			HttpResponse<Stream<String>> other = openStream(platform.token("media:read"));
			open.add(other);
			assertThat(other.statusCode()).as("another caller still gets a stream").isEqualTo(200);
		}
		finally {
			open.forEach((response) -> response.body().close());
		}
	}

	@Test
	void servesNoMetricsThroughTheGateway() throws Exception {
		for (String path : List.of("/actuator/prometheus", "/auth/actuator/prometheus", "/api/actuator/prometheus",
				"/actuator/env")) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.uri(path)));
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.body()).as(path).doesNotContain("# TYPE", "jvm_");
			assertProblem(response);
		}
		assertThat(send(HttpRequest.newBuilder(gateway.uri("/actuator/health/readiness"))).statusCode()).isEqualTo(200);
	}

	@Test
	void answersTheInputsThatGot500sWithProblems() throws Exception {
		String admin = admin("openid admin media:read media:write");
		for (String path : List.of("/api/v1/media?from=%2B292278995-01-01T00:00:00Z",
				"/api/v1/events?to=-292278995-01-01T00:00:00Z", "/api/v1/stats?from=%2B1000000000-01-01T00:00:00Z",
				"/api/v1/audit?from=-999999999-01-01T00:00:00Z",
				"/auth/admin/v1/audit?from=%2B292278994-08-17T07:12:55Z", "/api/v1/media%2F..%2Faudit",
				"/api/v1/media/%00", "/auth/login%5C..")) {
			HttpResponse<String> response = get(path, admin);
			assertThat(response.statusCode()).as(path).isEqualTo(400);
			assertProblem(response);
		}
		HttpResponse<String> longUri = get("/api/v1/media?camera=" + "a".repeat(20_000), admin);
		assertThat(longUri.statusCode()).isEqualTo(414);
		assertProblem(longUri);
		for (String method : List.of("TRACE", "PROPFIND")) {
			HttpResponse<String> response = send(
					request("/api/v1/media", admin).method(method, HttpRequest.BodyPublishers.noBody()));
			assertThat(response.statusCode()).as(method).isEqualTo(405);
			assertProblem(response);
		}
		HttpResponse<String> duplicate = send(request("/api/v1/cameras/" + GATE.id(), admin)
			.header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"Gate\",\"name\":\"Taken over\"}")));
		assertThat(duplicate.statusCode()).isEqualTo(400);
		assertProblem(duplicate);
		HttpResponse<String> nul = send(
				request("/api/v1/cameras/" + GATE.id(), admin).header("Content-Type", "application/json")
					.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"Gate\\u0000\"}")));
		assertThat(nul.statusCode()).isEqualTo(400);
		assertProblem(nul);
		// identity-service's admin API: a second "roles" would make a viewer an admin.
		HttpResponse<String> duplicateRoles = send(
				request("/auth/admin/v1/users", admin).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"username\":\"abuse-dup\",\"roles\":[\"viewer\"],\"roles\":[\"admin\"]}")));
		assertThat(duplicateRoles.statusCode()).as(duplicateRoles.body()).isEqualTo(400);
		assertProblem(duplicateRoles);
		assertThat(get("/auth/admin/v1/users/abuse-dup", admin).statusCode()).isEqualTo(404);
		// identity-service's own port (loopback or cluster-only): Tomcat's refusals are
		// problems too.
		ServiceProcess identity = platform.service(Service.IDENTITY);
		for (String path : List.of("/login%2F..", "/admin/v1/users/%00")) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(identity.uri(path)));
			assertThat(response.statusCode()).as(path).isEqualTo(400);
			assertProblem(response);
		}
	}

	private static void assertProblem(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type")).as(response.uri().toString())
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = Platform.json(response.body());
		assertThat(problem.get("type").asString()).startsWith("https://vigil.dev/problems/");
		assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
		assertThat(response.body()).doesNotContain("Exception", "<html", "\tat ");
	}

	private static synchronized String adminPassword() throws Exception {
		if (adminPassword == null) {
			String initial = Files.readString(work.resolve("identity/admin-initial-password")).strip();
			String changed = "abuse-admin-" + initial;
			new OidcLogin(platform.issuer()).accessToken("admin", initial, changed, "openid media:read");
			adminPassword = changed;
		}
		return adminPassword;
	}

	private static String admin(String scopes) throws Exception {
		return new OidcLogin(platform.issuer()).accessToken("admin", adminPassword(), null, scopes);
	}

	private static HttpRequest.Builder request(String path, String token) {
		return HttpRequest.newBuilder(gateway.uri(path)).header("Authorization", "Bearer " + token);
	}

	private static HttpResponse<String> get(String path, String token) throws Exception {
		return send(request(path, token));
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<Stream<String>> openStream(String token) throws Exception {
		return http.send(request("/api/v1/stream", token).header("Accept", "text/event-stream").build(),
				HttpResponse.BodyHandlers.ofLines());
	}

	private static int freeSftpPort() {
		try {
			return ServiceProcess.freePort();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static HttpResponse<String> awaitStatus(String path, String token, int status) throws Exception {
		return Polling.until(() -> get(path, token), (response) -> response.statusCode() == status);
	}

	private static FTPClient connect(String source) throws IOException {
		FTPClient client = new FTPClient();
		client.connect(InetAddress.getByName("127.0.0.1"), platform.ftpPort(), InetAddress.getByName(source), 0);
		return client;
	}

	private static FTPClient login(CameraSimulator.Camera camera, String source) throws IOException {
		FTPClient client = connect(source);
		assertThat(client.login(camera.user(), camera.password())).as(client.getReplyString()).isTrue();
		client.setFileType(FTP.BINARY_FILE_TYPE);
		return client;
	}

	private static void cameraDirectory(FTPClient client, CameraSimulator.Camera camera) throws IOException {
		for (String part : List.of(camera.id(), camera.device(), "snap")) {
			client.makeDirectory(part);
			assertThat(client.changeWorkingDirectory(part)).as(client.getReplyString()).isTrue();
		}
	}

	private static void upload(CameraSimulator.Camera camera, String name, byte[] bytes) throws IOException {
		FTPClient client = login(camera, "127.0.0.1");
		try {
			client.enterLocalPassiveMode();
			cameraDirectory(client, camera);
			assertThat(client.storeFile(name, new ByteArrayInputStream(bytes))).as(client.getReplyString()).isTrue();
			client.logout();
		}
		finally {
			client.disconnect();
		}
	}

	private static byte[] jpeg(String tag) throws IOException {
		return Uniquifier.unique(Files.readAllBytes(TestMedia.file("darknet/person.jpg")), tag);
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
