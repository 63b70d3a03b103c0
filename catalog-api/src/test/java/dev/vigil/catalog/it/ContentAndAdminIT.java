package dev.vigil.catalog.it;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.vigil.contracts.MediaKind;
import dev.vigil.devstack.TestMedia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Content served from the real S3 server through presigned redirects, and the admin
 * operations that change it: legal hold, delete, audit, retention.
 */
class ContentAndAdminIT extends CatalogIT {

	private static final Path PERSON = TestMedia.file("darknet/person.jpg");

	@Test
	void redirectsToAPresignedUrlThatServesRanges() throws Exception {
		byte[] bytes = Files.readAllBytes(PERSON);
		String camera = WireEvents.camera("content");
		String mediaId = WireEvents.mediaId();
		String key = "originals/" + camera + "/2026/11/25/08/" + mediaId + ".jpg";
		put(key, bytes);
		wire.uploaded(WireEvents.upload(camera, mediaId, Instant.now(), MediaKind.IMAGE, key, bytes.length));
		eventually(() -> this.api.get("/api/v1/media/" + mediaId, issuer.reader()), (r) -> r.status() == 200);

		Api.Response redirect = this.api.get("/api/v1/media/" + mediaId + "/content?variant=original", issuer.reader());
		assertThat(redirect.status()).isEqualTo(303);
		assertThat(redirect.location()).contains(key).contains("X-Amz-Signature");
		HttpResponse<byte[]> range = this.api.http()
			.send(HttpRequest.newBuilder(URI.create(redirect.location())).header("Range", "bytes=0-99").build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(range.statusCode()).isEqualTo(206);
		assertThat(range.body()).isEqualTo(Arrays.copyOf(bytes, 100));
	}

	@Test
	void downloadsTheOriginalUnderANameOfCameraAndCaptureTime() throws Exception {
		byte[] bytes = Files.readAllBytes(PERSON);
		String camera = WireEvents.camera("porch");
		String mediaId = WireEvents.mediaId();
		String key = "originals/" + camera + "/" + mediaId + ".jpg";
		put(key, bytes);
		wire.uploaded(WireEvents.upload(camera, mediaId, Instant.parse("2026-12-02T05:14:23Z"), MediaKind.IMAGE, key,
				bytes.length));
		eventually(() -> this.api.get("/api/v1/media/" + mediaId, issuer.reader()), (r) -> r.status() == 200);
		this.api.send("PATCH", "/api/v1/cameras/" + camera, issuer.admin(), "{\"timeZone\":\"Europe/Berlin\"}");

		Api.Response redirect = this.api.get("/api/v1/media/" + mediaId + "/content?variant=original&download=true",
				issuer.reader());
		assertThat(redirect.status()).as(redirect.body()).isEqualTo(303);
		// 06:14:23 in Berlin, the camera's clock.
		String name = camera + "_2026-12-02_061423.jpg";
		assertThat(java.net.URLDecoder.decode(redirect.location(), java.nio.charset.StandardCharsets.UTF_8))
			.contains("response-content-disposition=attachment; filename=\"" + name + "\"");
		HttpResponse<byte[]> file = this.api.http()
			.send(HttpRequest.newBuilder(URI.create(redirect.location())).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.body()).isEqualTo(bytes);
		assertThat(file.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"" + name + "\"");
	}

	@Test
	void deletesMediaAndItsObjectsOnlyWhenNotHeldAndAuditsBoth() throws Exception {
		byte[] bytes = Files.readAllBytes(PERSON);
		String camera = WireEvents.camera("delete");
		String mediaId = WireEvents.mediaId();
		String key = "originals/" + camera + "/" + mediaId + ".jpg";
		put(key, bytes);
		wire.uploaded(WireEvents.upload(camera, mediaId, Instant.now(), MediaKind.IMAGE, key, bytes.length));
		eventually(() -> this.api.get("/api/v1/media/" + mediaId, issuer.reader()), (r) -> r.status() == 200);

		assertThat(this.api
			.send("PUT", "/api/v1/media/" + mediaId + "/legal-hold", issuer.admin(),
					"{\"hold\":true,\"reason\":\"case 42\"}")
			.json()
			.path("legalHold")
			.asBoolean()).isTrue();
		Api.Response refused = this.api.send("DELETE", "/api/v1/media/" + mediaId, issuer.admin(), null);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.problemType()).isEqualTo("https://vigil.dev/problems/legal-hold");
		assertThat(s3().statObject(StatObjectArgs.builder().bucket(bucket()).object(key).build())).isNotNull();

		this.api.send("PUT", "/api/v1/media/" + mediaId + "/legal-hold", issuer.admin(), "{\"hold\":false}");
		assertThat(this.api.send("DELETE", "/api/v1/media/" + mediaId, issuer.admin(), null).status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/media/" + mediaId, issuer.reader()).status()).isEqualTo(404);
		assertThatThrownBy(() -> s3().statObject(StatObjectArgs.builder().bucket(bucket()).object(key).build()))
			.isInstanceOf(ErrorResponseException.class);
		assertThat(this.api.send("DELETE", "/api/v1/media/" + mediaId, issuer.admin(), null).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/events?camera=" + camera, issuer.reader()).json().path("items").size())
			.isZero();

		// A redelivered upload does not bring it back.
		wire.uploaded(WireEvents.upload(camera, mediaId, Instant.now(), MediaKind.IMAGE, key, bytes.length));
		String sentinel = WireEvents.mediaId();
		wire.uploaded(WireEvents.upload(camera, sentinel, Instant.now().plusSeconds(3600), MediaKind.IMAGE));
		eventually(() -> this.api.get("/api/v1/media/" + sentinel, issuer.reader()), (r) -> r.status() == 200);
		assertThat(this.api.get("/api/v1/media/" + mediaId, issuer.reader()).status()).isEqualTo(404);

		JsonNode audit = this.api.get("/api/v1/audit?limit=500", issuer.admin()).json();
		assertThat(audit.path("items").toString()).contains("media.held", "media.released", "media.deleted", mediaId);
	}

	@Test
	void retentionDeletesExpiredUnheldMediaOnceAndAuditsIt() {
		String camera = WireEvents.camera("retention");
		String old = WireEvents.mediaId();
		String oldHeld = WireEvents.mediaId();
		String fresh = WireEvents.mediaId();
		Instant longAgo = Instant.now().minusSeconds(10 * 86_400);
		wire.uploaded(WireEvents.upload(camera, old, longAgo, MediaKind.IMAGE));
		wire.uploaded(WireEvents.upload(camera, oldHeld, longAgo.plusSeconds(5), MediaKind.IMAGE));
		wire.uploaded(WireEvents.upload(camera, fresh, Instant.now(), MediaKind.IMAGE));
		eventually(() -> this.api.get("/api/v1/media?camera=" + camera, issuer.reader()).json(),
				(json) -> json.path("items").size() == 3);
		this.api.send("PUT", "/api/v1/media/" + oldHeld + "/legal-hold", issuer.admin(), "{\"hold\":true}");
		assertThat(this.api
			.send("PATCH", "/api/v1/cameras/" + camera, issuer.admin(), "{\"retention\":{\"imageMaxAgeDays\":7}}")
			.status()).isEqualTo(200);

		JsonNode first = this.api.send("POST", "/api/v1/retention/run", issuer.admin(), null).json();
		assertThat(first.path("deleted").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(EventFlowIT.hashes(this.api.get("/api/v1/media?camera=" + camera, issuer.reader()).json()))
			.containsExactlyInAnyOrder(fresh, oldHeld);
		JsonNode second = this.api.send("POST", "/api/v1/retention/run", issuer.admin(), null).json();
		assertThat(second.path("deleted").asLong()).isZero();
		assertThat(this.api.get("/api/v1/audit?action=retention.run", issuer.admin()).json().path("items").size())
			.isGreaterThanOrEqualTo(2);
	}

	@Test
	void aLegalHoldOnAnEventHoldsAllItsMedia() {
		String camera = WireEvents.camera("event-hold");
		Instant at = Instant.now().minusSeconds(86_400);
		wire.uploaded(WireEvents.upload(camera, WireEvents.mediaId(), at, MediaKind.IMAGE));
		wire.uploaded(WireEvents.upload(camera, WireEvents.mediaId(), at.plusSeconds(10), MediaKind.VIDEO));
		JsonNode events = eventually(() -> this.api.get("/api/v1/events?camera=" + camera, issuer.reader()).json(),
				(json) -> json.path("items").size() == 1 && json.path("items").get(0).path("mediaCount").asInt() == 2);
		String eventId = events.path("items").get(0).path("id").asString();
		JsonNode held = this.api
			.send("PUT", "/api/v1/events/" + eventId + "/legal-hold", issuer.admin(),
					"{\"hold\":true,\"reason\":\"insurance claim\"}")
			.json();
		assertThat(held.path("legalHold").asBoolean()).isTrue();
		held.path("media").forEach((item) -> assertThat(item.path("legalHold").asBoolean()).isTrue());
		String first = held.path("media").get(0).path("id").asString();
		assertThat(this.api.send("DELETE", "/api/v1/media/" + first, issuer.admin(), null).status()).isEqualTo(409);
	}

	@Test
	void recordsFalsePositiveFeedbackOnADetection() {
		String camera = WireEvents.camera("feedback");
		String mediaId = WireEvents.mediaId();
		wire.uploaded(WireEvents.upload(camera, mediaId, Instant.now(), MediaKind.IMAGE));
		wire.processed(WireEvents.processed(camera, mediaId, 0.55, Instant.now()));
		eventually(() -> this.api.get("/api/v1/media/" + mediaId, issuer.reader()),
				(r) -> r.status() == 200 && "OK".equals(r.json().path("status").asString()));
		JsonNode updated = this.api
			.send("POST", "/api/v1/media/" + mediaId + "/feedback", issuer.writer(),
					"{\"detection\":0,\"falsePositive\":true,\"comment\":\"a coat on a hook\"}")
			.json();
		assertThat(updated.path("detections").get(0).path("falsePositive").asBoolean()).isTrue();
	}

	@Test
	void reportsHealthUpWithMongoRedisAndTheBinder() {
		Api.Response health = this.api.get("/actuator/health", null);
		assertThat(health.status()).as(health.body()).isEqualTo(200);
		assertThat(this.api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
		Api.Response openApi = this.api.get("/api/openapi", null);
		assertThat(openApi.status()).as("the document needs no token").isEqualTo(200);
		assertThat(openApi.body()).contains("/api/v1/media/{id}/content");
		assertThat(openApi.json().at("/components/securitySchemes/oauth2/flows/clientCredentials/tokenUrl").asString())
			.isEqualTo("/auth/oauth2/token");
		assertThat(openApi.json().at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
		assertThat(this.api.get("/api/openapi.yaml", null).status()).isEqualTo(200);
		assertThat(this.api.get("/api/swagger-ui/index.html", null).status()).isEqualTo(200);
		assertThat(this.api.get("/api/openapi/swagger-config", null).body()).contains("/api/v1/notifications/openapi");
		assertThat(this.api.get("/api/v1/media", null).status()).as("the API still needs one").isEqualTo(401);
		assertThat(this.api.get("/actuator/prometheus", null).body()).contains("vigil_catalog_events");
	}

	private static MinioClient s3() {
		return MinioClient.builder()
			.endpoint(infrastructure.s3Endpoint())
			.credentials(infrastructure.s3AccessKey(), infrastructure.s3SecretKey())
			.region("us-east-1")
			.build();
	}

	private static String bucket() {
		return infrastructure.s3Bucket();
	}

	private static void put(String key, byte[] bytes) throws Exception {
		MinioClient s3 = s3();
		if (!s3.bucketExists(BucketExistsArgs.builder().bucket(bucket()).build())) {
			s3.makeBucket(MakeBucketArgs.builder().bucket(bucket()).build());
		}
		s3.putObject(PutObjectArgs.builder()
			.bucket(bucket())
			.object(key)
			.contentType("image/jpeg")
			.stream(new ByteArrayInputStream(bytes), (long) bytes.length, -1L)
			.build());
	}

}
