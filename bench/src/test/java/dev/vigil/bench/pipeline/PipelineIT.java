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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pipeline on real infrastructure, every service from its built jar in its own
 * process: a camera uploads real media over FTP to the edge, which spools and publishes
 * to S3 and Kafka; processing-service makes thumbnails, renditions and detections;
 * catalog-api indexes both events; an integrator reads the result through gateway-edge,
 * the one public entry, with a client-credentials token from identity-service (whose
 * issuer is published under the gateway's {@code /auth}).
 */
@VigilInfrastructure
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
