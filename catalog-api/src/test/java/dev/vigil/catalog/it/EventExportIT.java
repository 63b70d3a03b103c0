package dev.vigil.catalog.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.vigil.contracts.DerivedKeys;
import dev.vigil.contracts.MediaKind;
import dev.vigil.contracts.MediaProcessed;
import dev.vigil.contracts.ProcessingStatus;
import dev.vigil.devstack.TestMedia;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /events/{id}/export} against the real S3 server: the zip holds the bytes
 * that were uploaded, a JSON and a CSV of times and detections, and is named after the
 * camera and the event's start on the camera's clock.
 */
class EventExportIT extends CatalogIT {

	private static final Path PERSON = TestMedia.file("darknet/person.jpg");

	private static final Path CLIP = TestMedia.file("opencv/Megamind.avi");

	@Test
	void exportsOriginalsRenditionAndTimesUnderTheCamerasLocalName() throws Exception {
		byte[] picture = Files.readAllBytes(PERSON);
		byte[] clip = Files.readAllBytes(CLIP);
		byte[] rendition = new byte[300_000];
		new SecureRandom().nextBytes(rendition);
		String camera = WireEvents.camera("porch");
		String image = WireEvents.mediaId();
		String video = WireEvents.mediaId();
		String imageKey = "originals/" + camera + "/" + image + ".jpg";
		String videoKey = "originals/" + camera + "/" + video + ".avi";
		String renditionKey = "derived/" + camera + "/" + video + "/rendition.mp4";
		put(imageKey, picture);
		put(videoKey, clip);
		put(renditionKey, rendition);
		Instant start = Instant.parse("2026-12-02T05:14:23Z");
		wire.uploaded(WireEvents.upload(camera, image, start, MediaKind.IMAGE, imageKey, picture.length));
		wire.uploaded(WireEvents.upload(camera, video, start.plusSeconds(20), MediaKind.VIDEO, videoKey, clip.length));
		wire.processed(WireEvents.processed(camera, image, 0.87, Instant.now()));
		wire.processed(new MediaProcessed(UUID.randomUUID(), video, camera, new DerivedKeys(null, null, renditionKey),
				640, 480, 4000L, null, null, "h264", List.of(), null, 5L, ProcessingStatus.OK, null, Instant.now(), 1));
		// The camera exists once its first upload is consumed: until then the PATCH is a
		// 404.
		eventually(() -> this.api.send("PATCH", "/api/v1/cameras/" + camera, issuer.admin(),
				"{\"timeZone\":\"Europe/Berlin\"}"), (response) -> response.status() == 200);
		JsonNode events = eventually(() -> this.api.get("/api/v1/events?camera=" + camera, issuer.reader()).json(),
				(json) -> json.path("items").size() == 1 && json.path("items").get(0).path("mediaCount").asInt() == 2);
		String eventId = events.path("items").get(0).path("id").asString();
		eventually(() -> this.api.get("/api/v1/media/" + video, issuer.reader()).json(),
				(json) -> "OK".equals(json.path("status").asString()));
		eventually(() -> this.api.get("/api/v1/media/" + image, issuer.reader()).json(),
				(json) -> "OK".equals(json.path("status").asString()));

		HttpResponse<byte[]> response = download(eventId, issuer.reader());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).contains("application/zip");
		// 06:14 in Berlin, the camera's clock.
		assertThat(response.headers().firstValue("Content-Disposition"))
			.contains("attachment; filename=\"" + camera + "_2026-12-02_0614.zip\"");

		Map<String, byte[]> entries = unzip(response.body());
		assertThat(entries.keySet()).containsExactly("001_" + camera + "_2026-12-02_061423_original.jpg",
				"002_" + camera + "_2026-12-02_061443_original.avi",
				"002_" + camera + "_2026-12-02_061443_rendition.mp4", "event.json", "event.csv");
		assertThat(entries.get("001_" + camera + "_2026-12-02_061423_original.jpg")).isEqualTo(picture);
		assertThat(entries.get("002_" + camera + "_2026-12-02_061443_original.avi")).isEqualTo(clip);
		assertThat(entries.get("002_" + camera + "_2026-12-02_061443_rendition.mp4")).isEqualTo(rendition);

		JsonNode json = JsonMapper.builder().build().readTree(entries.get("event.json"));
		assertThat(json.path("eventId").asString()).isEqualTo(eventId);
		assertThat(json.path("timeZone").asString()).isEqualTo("Europe/Berlin");
		assertThat(json.path("start").asString()).isEqualTo("2026-12-02T05:14:23Z");
		assertThat(json.path("media").get(0).path("capturedAtLocal").asString()).isEqualTo("2026-12-02T06:14:23");
		assertThat(json.path("media").get(0).path("detections").get(0).path("label").asString()).isEqualTo("person");
		assertThat(json.path("media").get(1).path("rendition").asString()).endsWith("_rendition.mp4");

		List<String> csv = new String(entries.get("event.csv"), StandardCharsets.UTF_8).lines().toList();
		assertThat(csv).hasSize(3);
		assertThat(csv.get(0)).startsWith("index,mediaId,kind,capturedAtUtc,capturedAtLocal");
		assertThat(csv.get(1)).contains("IMAGE", "2026-12-02T05:14:23Z", "2026-12-02T06:14:23", "person,0.87");
		assertThat(csv.get(2)).contains("VIDEO", "2026-12-02T06:14:43", "_rendition.mp4");

		JsonNode audit = this.api.get("/api/v1/audit?action=event.exported&limit=200", issuer.admin()).json();
		assertThat(audit.path("items").toString()).contains(eventId);
	}

	@Test
	void aCallerNotAllowedTheCameraAndAnUnknownEventGet404() throws Exception {
		String camera = WireEvents.camera("scoped");
		wire.uploaded(WireEvents.upload(camera, WireEvents.mediaId(), Instant.now(), MediaKind.IMAGE));
		JsonNode events = eventually(() -> this.api.get("/api/v1/events?camera=" + camera, issuer.reader()).json(),
				(json) -> json.path("items").size() == 1);
		String eventId = events.path("items").get(0).path("id").asString();

		HttpResponse<byte[]> refused = download(eventId, issuer.token("media:read", List.of("someone-else")));
		assertThat(refused.statusCode()).isEqualTo(404);
		assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("not-found");

		HttpResponse<byte[]> unknown = download(camera + ".1472565097000", issuer.reader());
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");

		assertThat(download("..%2F..%2Fetc", issuer.reader()).statusCode()).isIn(400, 404);
		assertThat(download(eventId, null).statusCode()).isEqualTo(401);
	}

	@Test
	void anObjectTheStoreNoLongerHasIsListedAsMissingInsteadOfBreakingTheZip() throws Exception {
		String camera = WireEvents.camera("gone");
		String mediaId = WireEvents.mediaId();
		wire.uploaded(WireEvents.upload(camera, mediaId, Instant.now().minusSeconds(60), MediaKind.IMAGE));
		JsonNode events = eventually(() -> this.api.get("/api/v1/events?camera=" + camera, issuer.reader()).json(),
				(json) -> json.path("items").size() == 1);
		String eventId = events.path("items").get(0).path("id").asString();

		HttpResponse<byte[]> response = download(eventId, issuer.reader());
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, byte[]> entries = unzip(response.body());
		assertThat(entries.keySet()).containsExactly("event.json", "event.csv");
		JsonNode json = JsonMapper.builder().build().readTree(entries.get("event.json"));
		assertThat(json.path("media").get(0).path("mediaId").asString()).isEqualTo(camera + "." + mediaId);
		assertThat(json.path("media").get(0).path("original").asString()).isEqualTo("missing");
	}

	private HttpResponse<byte[]> download(String eventId, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(this.api.base() + "/api/v1/events/" + eventId + "/export"));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.api.http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	private static void put(String key, byte[] bytes) throws Exception {
		MinioClient s3 = MinioClient.builder()
			.endpoint(infrastructure.s3Endpoint())
			.credentials(infrastructure.s3AccessKey(), infrastructure.s3SecretKey())
			.region("us-east-1")
			.build();
		String bucket = infrastructure.s3Bucket();
		if (!s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
			s3.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
		}
		s3.putObject(PutObjectArgs.builder()
			.bucket(bucket)
			.object(key)
			.stream(new ByteArrayInputStream(bytes), (long) bytes.length, -1L)
			.build());
	}

}
