package dev.vigil.catalog.it;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import dev.vigil.contracts.CaptureTimeSource;
import dev.vigil.contracts.MediaKind;
import dev.vigil.contracts.MediaUploaded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A media item belongs to the camera that sent it (#15): the same bytes from another
 * camera are another item, an item under legal hold is never rewritten, a bare SHA-256
 * still finds the one item a caller may see, and documents of the old shape (id = bare
 * SHA-256) are migrated.
 */
class MediaIdentityIT extends CatalogIT {

	private static final Instant T0 = Instant.parse("2026-10-01T08:00:00Z");

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ApplicationContext context;

	@Test
	void theSameBytesFromAnotherCameraDoNotRewriteAHeldItem() {
		String first = WireEvents.camera("owner");
		String second = WireEvents.camera("copycat");
		String sha = WireEvents.mediaId();
		wire.uploaded(upload(first, sha, T0, first + "/snap/MDAlarm_20261001-080000.jpg"));
		// Waits for the event too: it is stitched after the item is indexed.
		JsonNode original = eventually(() -> this.api.get("/api/v1/media/" + sha, issuer.reader()),
				(r) -> r.status() == 200 && !r.json().path("eventId").asString("").isEmpty())
			.json();
		assertThat(original.path("id").asString()).isEqualTo(first + "." + sha);
		assertThat(this.api
			.send("PUT", "/api/v1/media/" + sha + "/legal-hold", issuer.admin(),
					"{\"hold\":true,\"reason\":\"evidence\"}")
			.status()).isEqualTo(200);

		// The attack: another camera (a stolen password) sends the same bytes.
		wire.uploaded(upload(second, sha, T0.plusSeconds(86_400), second + "/snap/forged.jpg"));
		wire.processed(WireEvents.processed(second, sha, 0.97, Instant.now()));
		eventually(() -> this.api.get("/api/v1/media/" + second + "." + sha, issuer.reader()),
				(r) -> r.status() == 200 && "OK".equals(r.json().path("status").asString()));

		JsonNode held = this.api.get("/api/v1/media/" + first + "." + sha, issuer.reader()).json();
		assertThat(held.path("cameraId").asString()).isEqualTo(first);
		assertThat(held.path("takenAt").asString()).isEqualTo(T0.toString());
		assertThat(held.path("originalPath").asString()).isEqualTo(first + "/snap/MDAlarm_20261001-080000.jpg");
		assertThat(held.path("eventId").asString()).isEqualTo(original.path("eventId").asString());
		assertThat(held.path("legalHold").asBoolean()).isTrue();
		assertThat(held.path("detections").size()).as("processing of the other camera's copy").isZero();
		assertThat(held.path("sha256").asString()).isEqualTo(sha);

		JsonNode copy = this.api.get("/api/v1/media/" + second + "." + sha, issuer.reader()).json();
		assertThat(copy.path("cameraId").asString()).isEqualTo(second);
		assertThat(copy.path("legalHold").asBoolean()).isFalse();
		assertThat(copy.path("detections").get(0).path("label").asString()).isEqualTo("person");

		// By content: ambiguous for a caller who sees both, the one item for each camera.
		Api.Response ambiguous = this.api.get("/api/v1/media/" + sha, issuer.reader());
		assertThat(ambiguous.status()).isEqualTo(409);
		assertThat(ambiguous.contentType()).startsWith("application/problem+json");
		assertThat(ambiguous.json().path("type").asString()).isEqualTo("https://vigil.dev/problems/media-ambiguous");
		List<String> candidates = new java.util.ArrayList<>();
		ambiguous.json().path("media").forEach((m) -> candidates.add(m.path("id").asString()));
		assertThat(candidates).containsExactlyInAnyOrder(first + "." + sha, second + "." + sha);
		assertThat(this.api.get("/api/v1/media/" + sha, issuer.token("media:read", List.of(second)))
			.json()
			.path("id")
			.asString()).isEqualTo(second + "." + sha);
		assertThat(
				this.api.get("/api/v1/media/" + sha + "/content", issuer.token("media:read", List.of(first))).status())
			.isEqualTo(303);
		assertThat(this.api.get("/api/v1/media/" + first + "." + sha, issuer.token("media:read", List.of(second)))
			.status()).isEqualTo(404);
		// Deleting by an ambiguous hash deletes nothing.
		assertThat(this.api.send("DELETE", "/api/v1/media/" + sha, issuer.admin(), null).status()).isEqualTo(409);
	}

	@Test
	void theSameCameraSendingTheSameBytesAgainIsOneItemAndAHoldKeepsItAsItWas() {
		String camera = WireEvents.camera("resend");
		String sha = WireEvents.mediaId();
		wire.uploaded(upload(camera, sha, T0, camera + "/snap/first.jpg"));
		eventually(() -> this.api.get("/api/v1/media/" + sha, issuer.reader()), (r) -> r.status() == 200);
		this.api.send("PUT", "/api/v1/media/" + sha + "/legal-hold", issuer.admin(), "{\"hold\":true}");
		// A new upload event (not a redelivery) of the same bytes, with other metadata,
		// followed by a marker upload: once the marker is indexed, the first was handled.
		wire.uploaded(upload(camera, sha, T0.plusSeconds(3600), camera + "/snap/again.jpg"));
		String marker = WireEvents.mediaId();
		wire.uploaded(upload(camera, marker, T0.plusSeconds(7200), camera + "/snap/marker.jpg"));
		eventually(() -> this.api.get("/api/v1/media/" + marker, issuer.reader()), (r) -> r.status() == 200);

		JsonNode page = this.api.get("/api/v1/media?camera=" + camera, issuer.reader()).json();
		assertThat(EventFlowIT.hashes(page)).containsExactly(marker, sha);
		JsonNode held = this.api.get("/api/v1/media/" + sha, issuer.reader()).json();
		assertThat(held.path("originalPath").asString()).isEqualTo(camera + "/snap/first.jpg");
		assertThat(held.path("takenAt").asString()).isEqualTo(T0.toString());
	}

	@Test
	void migratesDocumentsOfTheOldShapeOnceAndKeepsThemFindableByTheirHash() {
		String camera = WireEvents.camera("legacy");
		String sha = WireEvents.mediaId();
		String halfDone = WireEvents.mediaId();
		String eventId = camera + "." + T0.toEpochMilli();
		this.mongo.insert(legacy(sha, camera, T0, eventId), "media");
		// A run cut short: the copy under the new id exists, the original was not
		// removed.
		this.mongo.insert(legacy(halfDone, camera, T0.plusSeconds(10), eventId), "media");
		this.mongo.insert(legacy(halfDone, camera, T0.plusSeconds(10), eventId).append("_id", camera + "." + halfDone)
			.append("sha256", halfDone), "media");
		this.mongo.insert(new Document("_id", eventId).append("cameraId", camera)
			.append("start", Date.from(T0))
			.append("end", Date.from(T0.plusSeconds(10)))
			.append("mediaCount", 2)
			.append("imageCount", 2)
			.append("videoCount", 0)
			.append("totalBytes", 2000L)
			.append("thumbnailMediaId", sha)
			.append("maxPersonConfidence", 0.0)
			.append("labels", List.of())
			.append("legalHold", false), "events");

		SmartInitializingSingleton migration = this.context.getBean("mediaIdentityMigration",
				SmartInitializingSingleton.class);
		migration.afterSingletonsInstantiated();
		migration.afterSingletonsInstantiated();

		assertThat(this.mongo.count(Query.query(Criteria.where("_id").in(sha, halfDone)), "media")).isZero();
		assertThat(this.mongo.count(Query.query(Criteria.where("cameraId").is(camera)), "media")).isEqualTo(2);
		JsonNode migrated = this.api.get("/api/v1/media/" + sha, issuer.reader()).json();
		assertThat(migrated.path("id").asString()).isEqualTo(camera + "." + sha);
		assertThat(migrated.path("sha256").asString()).isEqualTo(sha);
		assertThat(migrated.path("originalPath").asString()).isEqualTo(camera + "/snap/" + sha + ".jpg");
		assertThat(migrated.path("takenAt").asString()).isEqualTo(T0.toString());
		assertThat(this.api.get("/api/v1/media/" + camera + "." + halfDone, issuer.reader()).status()).isEqualTo(200);
		assertThat(
				this.api.get("/api/v1/events/" + eventId, issuer.reader()).json().path("thumbnailMediaId").asString())
			.isEqualTo(camera + "." + sha);
	}

	private static Document legacy(String sha, String camera, Instant at, String eventId) {
		return new Document("_id", sha).append("cameraId", camera)
			.append("edgeNodeId", "edge-it")
			.append("kind", "IMAGE")
			.append("contentType", "image/jpeg")
			.append("sizeBytes", 1000L)
			.append("bucket", WireEvents.bucket)
			.append("objectKey", "originals/" + camera + "/" + sha + ".jpg")
			.append("originalPath", camera + "/snap/" + sha + ".jpg")
			.append("capturedAt", Date.from(at))
			.append("capturedAtSource", "FILENAME")
			.append("receivedAt", Date.from(at.plusSeconds(2)))
			.append("uploadEventId", UUID.randomUUID().toString())
			.append("status", "PENDING")
			.append("takenAt", Date.from(at))
			.append("day", at.toString().substring(0, 10))
			.append("eventId", eventId)
			.append("listed", true)
			.append("legalHold", false)
			.append("version", 2L);
	}

	private static MediaUploaded upload(String camera, String sha, Instant capturedAt, String path) {
		return new MediaUploaded(UUID.randomUUID(), sha, "edge-it", camera, "originals/" + camera + "/" + sha + ".jpg",
				WireEvents.bucket, "image/jpeg", 1000L, sha, path, capturedAt, CaptureTimeSource.FILENAME,
				capturedAt.plusSeconds(2), MediaKind.IMAGE, 1);
	}

}
