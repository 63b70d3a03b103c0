package dev.vigil.bench.pipeline;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.vigil.bench.platform.Platform;
import dev.vigil.bench.platform.Platform.Service;
import dev.vigil.devstack.Infrastructure;
import dev.vigil.devstack.TestMedia;
import dev.vigil.devstack.VigilInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adding a camera in the platform, end to end with every service from its jar: the edge
 * reports in, an admin adds a camera for it in catalog-api with a Berlin time zone, the
 * edge gets the account over the compacted {@code camera.config} topic, a real FTP upload
 * with the shown user and password is taken, and the catalog lists it at the time the
 * camera's clock said (06:19 Berlin = 05:19 UTC, not an hour off). Deleting the camera
 * removes the login from the edge.
 */
@VigilInfrastructure
class CameraOnboardingPipelineIT {

	@TempDir
	static Path work;

	static Platform platform;

	@BeforeAll
	static void startPlatform(Infrastructure infrastructure) throws IOException {
		platform = Platform.on(infrastructure, work)
			.services(Service.IDENTITY, Service.CATALOG, Service.INGEST)
			// Own databases: other ITs in this JVM share the MongoDB server (their admin
			// would mean no initial password here, their edges would be listed).
			.property(Service.IDENTITY, "spring.mongodb.database", "vigil-identity-onboarding-it")
			.property(Service.CATALOG, "spring.mongodb.database", "vigil-catalog-onboarding-it")
			.property(Service.INGEST, "vigil.ingest.platform.heartbeat-interval", "2s")
			.property(Service.INGEST, "vigil.ingest.platform.retry-interval", "1s")
			.property(Service.INGEST, "vigil.ingest.login.max-failures", "1000")
			.property(Service.CATALOG, "vigil.catalog.cameras.config-retry", "2s")
			.startTimeout(Duration.ofMinutes(10))
			.start();
	}

	@AfterAll
	static void stopPlatform() {
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void aCameraAddedInThePlatformUploadsToItsEdgeWithTheShownSettings() throws Exception {
		String initial = Files.readString(work.resolve("identity/admin-initial-password")).strip();
		String admin = new OidcLogin(platform.issuer()).accessToken("admin", initial, "onboarding-admin-" + initial,
				"openid admin media:read media:write");

		JsonNode edges = Polling.until(() -> Platform.json(platform.catalogGet("/api/v1/edges", admin).body()),
				(list) -> !list.isEmpty());
		String edge = edges.get(0).get("id").asString();

		HttpResponse<String> created = send("POST", "/api/v1/cameras", admin, """
				{"name": "Porch", "edgeNodeId": "%s", "protocol": "FTP", "timeZone": "Europe/Berlin"}
				""".formatted(edge));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode setup = Platform.json(created.body()).get("setup");
		String user = setup.get("user").asString();
		String password = Platform.json(created.body()).get("password").asString();
		int port = setup.get("port").asInt();
		assertThat(port).isEqualTo(platform.ftpPort());
		assertThat(setup.get("remoteDirectory").asString()).isEqualTo("/");

		Polling.until(() -> FtpCamera.canLogIn(port, user, password), (ok) -> ok);
		FtpCamera.upload(port, user, password, "snap", "MDAlarm_20261202-061900.jpg",
				TestMedia.file("darknet/person.jpg"));

		JsonNode items = Polling.until(
				() -> Platform.json(platform.catalogGet("/api/v1/media?camera=porch", admin).body()).get("items"),
				(list) -> list != null && !list.isEmpty());
		assertThat(items.get(0).get("takenAt").asString()).isEqualTo("2026-12-02T05:19:00Z");
		JsonNode camera = Platform.json(platform.catalogGet("/api/v1/cameras/porch", admin).body());
		assertThat(camera.get("timeZone").asString()).isEqualTo("Europe/Berlin");
		assertThat(camera.get("lastUploadAt").isNull()).isFalse();

		HttpResponse<String> deleted = send("DELETE", "/api/v1/cameras/porch", admin, null);
		assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
		Polling.until(() -> FtpCamera.canLogIn(port, user, password), (ok) -> !ok);
		String mediaId = items.get(0).get("id").asString();
		assertThat(platform.catalogGet("/api/v1/media/" + mediaId, admin).statusCode()).as("media kept").isEqualTo(200);
	}

	private static HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpRequest.Builder request = HttpRequest.newBuilder(platform.service(Service.CATALOG).uri(path))
				.header("Authorization", "Bearer " + token)
				.timeout(Duration.ofSeconds(60));
			if (json != null) {
				request.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(json));
			}
			else {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

}
