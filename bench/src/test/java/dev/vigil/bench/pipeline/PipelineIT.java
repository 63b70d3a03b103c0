package dev.vigil.bench.pipeline;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.imageio.ImageIO;

import dev.vigil.bench.platform.Platform;
import dev.vigil.bench.platform.Platform.Service;
import dev.vigil.bench.platform.ServiceProcess;
import dev.vigil.bench.sim.CameraSimulator;
import dev.vigil.devstack.Infrastructure;
import dev.vigil.devstack.TestMedia;
import dev.vigil.devstack.VigilInfrastructure;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pipeline on real infrastructure, every service from its built jar in its own
 * process: a camera uploads real media over FTP to the edge, which spools and publishes
 * to S3 and Kafka; processing-service makes thumbnails, renditions and detections;
 * catalog-api indexes both events; an integrator reads the result through gateway-edge,
 * the one public entry, with a client-credentials token from identity-service (whose
 * issuer is published under the gateway's {@code /auth}). Then the access rules with
 * tokens identity-service really issues: a revoked integrator client gets no token, a
 * viewer (signed in with authorization code + PKCE) cannot call admin endpoints, and a
 * user limited to one camera sees nothing of another.
 */
@VigilInfrastructure
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT {

	@TempDir
	static Path work;

	static Platform platform;

	static ServiceProcess gateway;

	@BeforeAll
	static void startPlatform(Infrastructure infrastructure) throws IOException {
		platform = Platform.on(infrastructure, work)
			.services(Service.IDENTITY, Service.CATALOG, Service.PROCESSING, Service.INGEST, Service.GATEWAY)
			.cameras(List
				.of(new CameraSimulator.Camera("driveway", "driveway-cam", "pipeline-test-password", "00626E5A2B1C")))
			.start();
		gateway = platform.service(Service.GATEWAY);
	}

	@AfterAll
	static void stopPlatform() {
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	@Order(1)
	void cameraUploadsBecomeProcessedSearchableMedia() throws Exception {
		Path person = TestMedia.file("darknet/person.jpg");
		Path dog = TestMedia.file("darknet/dog.jpg");
		Path clip = TestMedia.file("opencv/tree.avi");
		upload(Map.of("snap/MDAlarm_20261125-080000.jpg", person, "snap/MDAlarm_20261125-080010.jpg", dog,
				"record/MDalarm_20261125_080020.avi", clip));

		String token = platform.token("media:read");
		JsonNode items = awaitProcessed(token, 3);

		JsonNode personMedia = byPath(items, "MDAlarm_20261125-080000.jpg");
		assertThat(personMedia.get("kind").asString()).isEqualTo("IMAGE");
		assertThat(personMedia.get("takenAt").asString()).isEqualTo("2026-11-25T08:00:00Z");
		assertThat(personMedia.get("detections").valueStream().map((d) -> d.get("label").asString()))
			.contains("person");
		assertThat(byPath(items, "MDAlarm_20261125-080010.jpg").get("detections")
			.valueStream()
			.filter((d) -> d.get("label").asString().equals("person"))).isEmpty();

		JsonNode clipMedia = byPath(items, "MDalarm_20261125_080020.avi");
		assertThat(clipMedia.get("kind").asString()).isEqualTo("VIDEO");
		assertThat(clipMedia.get("durationMs").asLong()).isPositive();
		assertThat(clipMedia.get("variants").valueStream().map(JsonNode::asString)).contains("rendition", "thumbnail");

		byte[] thumbnail = content(token, personMedia.get("id").asString(), "thumbnail");
		assertThat(ImageIO.read(new ByteArrayInputStream(thumbnail)).getWidth()).isLessThanOrEqualTo(320);
	}

	@Test
	void gatewayRefusesTheApiWithoutAValidToken() throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			for (String authorization : List.of("", "Bearer not-a-jwt")) {
				HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri("/api/v1/media"));
				if (!authorization.isEmpty()) {
					request.header("Authorization", authorization);
				}
				HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).as(authorization).isEqualTo(401);
				assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
			}
		}
	}

	@Test
	@Order(2)
	void aRevokedIntegratorClientGetsNoMoreTokens() throws Exception {
		HttpResponse<String> created = identityAdmin("POST", "/admin/v1/clients",
				"{\"name\":\"pipeline-it\",\"scopes\":[\"media:read\"]}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode client = Platform.json(created.body());
		String clientId = client.get("clientId").asString();
		String secret = client.get("clientSecret").asString();
		assertThat(tokenRequest(clientId, secret).statusCode()).isEqualTo(200);

		assertThat(identityAdmin("DELETE", "/admin/v1/clients/" + clientId, null).statusCode()).isEqualTo(200);
		HttpResponse<String> refused = tokenRequest(clientId, secret);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).contains("invalid_client");
	}

	@Test
	@Order(3)
	void aViewerTokenCannotCallAdminEndpoints() throws Exception {
		String token = userToken("pipeline-viewer", "viewer", null);
		assertThat(api("/api/v1/media?limit=5", token).statusCode()).isEqualTo(200);
		assertThat(api("/api/v1/audit", token).statusCode()).isEqualTo(403);
		assertThat(send(HttpRequest.newBuilder(gateway.uri("/api/v1/cameras/driveway"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"taken over\"}"))
			.build()).statusCode()).isEqualTo(403);
		assertThat(api("/auth/admin/v1/users", token).statusCode()).isEqualTo(403);
	}

	@Test
	@Order(4)
	void aCameraScopedUserSeesOnlyItsCameras() throws Exception {
		String token = userToken("pipeline-porch", "viewer", "porch");
		HttpResponse<String> cameras = api("/api/v1/cameras", token);
		assertThat(cameras.statusCode()).isEqualTo(200);
		assertThat(cameras.body()).doesNotContain("driveway");
		HttpResponse<String> media = api("/api/v1/media?limit=50", token);
		assertThat(media.statusCode()).isEqualTo(200);
		assertThat(Platform.json(media.body()).get("items").size()).isZero();
		HttpResponse<String> filtered = api("/api/v1/media?camera=driveway", token);
		assertThat(filtered.statusCode()).isIn(403, 404);
		assertThat(filtered.body()).doesNotContain("MDAlarm");
		// The admin, with every camera, does see the driveway camera's media.
		assertThat(Platform.json(api("/api/v1/media?camera=driveway", adminToken()).body()).get("items").size())
			.isPositive();
	}

	private static String adminToken;

	private static synchronized String adminToken() throws Exception {
		if (adminToken == null) {
			String initial = Files.readString(work.resolve("identity/admin-initial-password")).strip();
			adminToken = new OidcLogin(platform.issuer()).accessToken("admin", initial, "pipeline-admin-" + initial,
					"openid admin media:read media:write");
		}
		return adminToken;
	}

	private static String userToken(String username, String role, String camera) throws Exception {
		String password = "pipeline-" + username + "-password";
		String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"roles\":[\"" + role
				+ "\"]" + ((camera != null) ? ",\"cameras\":[\"" + camera + "\"]" : "") + "}";
		HttpResponse<String> created = identityAdmin("POST", "/admin/v1/users", body);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return new OidcLogin(platform.issuer()).accessToken(username, password, null,
				"openid admin media:read media:write");
	}

	private static HttpResponse<String> identityAdmin(String method, String path, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri("/auth" + path))
			.header("Authorization", "Bearer " + adminToken());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return send(
				request
					.method(method,
							(json != null) ? HttpRequest.BodyPublishers.ofString(json)
									: HttpRequest.BodyPublishers.noBody())
					.build());
	}

	private static HttpResponse<String> tokenRequest(String clientId, String secret) throws Exception {
		return send(
				HttpRequest.newBuilder(gateway.uri("/auth/oauth2/token"))
					.header("Authorization", "Basic " + java.util.Base64.getEncoder()
						.encodeToString((clientId + ":" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=media%3Aread"))
					.build());
	}

	private static HttpResponse<String> api(String path, String token) throws Exception {
		return send(HttpRequest.newBuilder(gateway.uri(path)).header("Authorization", "Bearer " + token).build());
	}

	private static HttpResponse<String> send(HttpRequest request) throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
	}

	private static void upload(Map<String, Path> files) throws IOException {
		FTPClient ftp = new FTPClient();
		ftp.connect("127.0.0.1", platform.ftpPort());
		try {
			assertThat(ftp.login("driveway-cam", "pipeline-test-password")).as(ftp.getReplyString()).isTrue();
			ftp.setFileType(FTP.BINARY_FILE_TYPE);
			ftp.enterLocalPassiveMode();
			for (var entry : new TreeMap<>(files).entrySet()) {
				String directory = "driveway/00626E5A2B1C/" + entry.getKey().substring(0, entry.getKey().indexOf('/'));
				ftp.changeWorkingDirectory("/");
				for (String part : directory.split("/")) {
					ftp.makeDirectory(part);
					assertThat(ftp.changeWorkingDirectory(part)).as(ftp.getReplyString()).isTrue();
				}
				try (InputStream in = Files.newInputStream(entry.getValue())) {
					String name = entry.getKey().substring(entry.getKey().indexOf('/') + 1);
					assertThat(ftp.storeFile(name, in)).as(ftp.getReplyString()).isTrue();
				}
			}
			ftp.logout();
		}
		finally {
			ftp.disconnect();
		}
	}

	private static JsonNode awaitProcessed(String token, int expected) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
		JsonNode items = null;
		try (HttpClient http = HttpClient.newHttpClient()) {
			while (System.nanoTime() < deadline) {
				HttpResponse<String> response = http
					.send(HttpRequest.newBuilder(gateway.uri("/api/v1/media?camera=driveway&limit=50"))
						.header("Authorization", "Bearer " + token)
						.build(), HttpResponse.BodyHandlers.ofString());
				// 404 until the catalog has registered the camera from its first upload.
				if (response.statusCode() == 404) {
					Thread.sleep(1000);
					continue;
				}
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				items = Platform.json(response.body()).get("items");
				if (items.size() == expected
						&& items.valueStream().allMatch((item) -> "OK".equals(item.path("status").asString(null)))) {
					return items;
				}
				Thread.sleep(1000);
			}
		}
		throw new AssertionError("Media not processed within 6 minutes; last page: " + items);
	}

	private static JsonNode byPath(JsonNode items, String fileName) {
		return items.valueStream()
			.filter((item) -> item.path("originalPath").asString("").endsWith(fileName))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No media for " + fileName + " in " + items));
	}

	private static byte[] content(String token, String mediaId, String variant) throws Exception {
		try (HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
			HttpResponse<Void> redirect = http
				.send(HttpRequest.newBuilder(gateway.uri("/api/v1/media/" + mediaId + "/content?variant=" + variant))
					.header("Authorization", "Bearer " + token)
					.build(), HttpResponse.BodyHandlers.discarding());
			assertThat(redirect.statusCode()).isEqualTo(303);
			URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
			HttpResponse<byte[]> object = http.send(HttpRequest.newBuilder(location).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			assertThat(object.statusCode()).isEqualTo(200);
			return object.body();
		}
	}

}
