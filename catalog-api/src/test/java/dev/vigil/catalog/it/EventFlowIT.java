package dev.vigil.catalog.it;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import dev.vigil.contracts.ContractSamples;
import dev.vigil.contracts.MediaKind;
import dev.vigil.contracts.MediaUploaded;
import dev.vigil.contracts.Topics;

import static org.assertj.core.api.Assertions.assertThat;

class EventFlowIT extends CatalogIT {

	private static final Instant T0 = Instant.parse("2026-11-20T21:14:05Z");

	@Autowired
	MongoTemplate mongo;

	@Test
	void publishedEventsBecomeMediaAndEventsNewestFirst() {
		String camera = WireEvents.camera("driveway");
		String older = WireEvents.mediaId();
		String newer = WireEvents.mediaId();
		wire.uploaded(WireEvents.upload(camera, older, T0, MediaKind.IMAGE));
		wire.uploaded(WireEvents.upload(camera, newer, T0.plusSeconds(20), MediaKind.VIDEO));
		wire.processed(WireEvents.processed(camera, older, 0.91, T0.plusSeconds(30)));

		JsonNode page = eventually(() -> media("camera=" + camera), (json) -> json.path("items").size() == 2
				&& "OK".equals(json.path("items").get(1).path("status").asString()));
		assertThat(hashes(page)).containsExactly(newer, older);
		JsonNode image = page.path("items").get(1);
		assertThat(image.path("detections").get(0).path("label").asString()).isEqualTo("person");
		assertThat(image.path("detections").get(0).path("confidence").asDouble()).isEqualTo(0.91);
		assertThat(image.path("variants").toString()).contains("original", "thumbnail");
		assertThat(page.path("items").get(0).path("status").asString()).isEqualTo("PENDING");

		// Counters and events follow visibility by a few milliseconds.
		JsonNode health = eventually(
				() -> this.api.get("/api/v1/cameras/" + camera + "/health", issuer.reader()).json(),
				(json) -> T0.plusSeconds(22).toString().equals(json.path("lastSeen").asString()));
		assertThat(health.path("silent").asBoolean()).as("nothing for days").isTrue();

		JsonNode stats = this.api.get("/api/v1/stats?camera=" + camera, issuer.reader()).json();
		assertThat(stats.path("uploadsPerDay").toString()).contains("\"day\":\"2026-11-20\",\"uploads\":2");
		assertThat(stats.path("confidenceHistogram").get(0).path("label").asString()).isEqualTo("person");
		assertThat(stats.path("confidenceHistogram").get(0).path("from").asDouble()).isEqualTo(0.9);
		assertThat(stats.path("storage").get(0).path("bytes").asLong()).isEqualTo(2000);

		JsonNode cameraDoc = this.api.get("/api/v1/cameras/" + camera, issuer.reader()).json();
		assertThat(cameraDoc.path("edgeNodeId").asString()).isEqualTo("edge-it");
		assertThat(cameraDoc.path("name").asString()).isEqualTo(camera);

		JsonNode events = eventually(() -> events(camera),
				(json) -> json.path("items").size() == 1 && json.path("items").get(0).path("mediaCount").asInt() == 2
						&& json.path("items").get(0).path("maxPersonConfidence").asDouble() > 0);
		JsonNode event = events.path("items").get(0);
		assertThat(event.path("mediaCount").asInt()).isEqualTo(2);
		assertThat(event.path("imageCount").asInt()).isEqualTo(1);
		assertThat(event.path("videoCount").asInt()).isEqualTo(1);
		assertThat(event.path("maxPersonConfidence").asDouble()).isEqualTo(0.91);
		assertThat(event.path("thumbnailMediaId").asString()).isEqualTo(camera + "." + older);
		assertThat(event.path("start").asString()).isEqualTo(T0.toString());

		JsonNode detail = this.api.get("/api/v1/events/" + event.path("id").asString(), issuer.reader()).json();
		assertThat(detail.path("media").size()).isEqualTo(2);
		assertThat(detail.path("media").get(0).path("id").asString()).isEqualTo(camera + "." + older);

		JsonNode byPerson = media("camera=" + camera + "&label=person&minConfidence=0.9");
		assertThat(hashes(byPerson)).containsExactly(older);
		assertThat(hashes(media("camera=" + camera + "&kind=VIDEO"))).containsExactly(newer);
	}

	@Test
	void stitchesUploadsExactlyOneGapApartAndSplitsJustBeyond() {
		String camera = WireEvents.camera("gap");
		String a = WireEvents.mediaId();
		String b = WireEvents.mediaId();
		String c = WireEvents.mediaId();
		wire.uploaded(WireEvents.upload(camera, a, T0, MediaKind.IMAGE));
		wire.uploaded(WireEvents.upload(camera, b, T0.plusSeconds(60), MediaKind.IMAGE));
		wire.uploaded(WireEvents.upload(camera, c, T0.plusSeconds(120).plusMillis(1), MediaKind.IMAGE));

		JsonNode events = eventually(() -> events(camera), (json) -> mediaTotal(json) == 3);
		assertThat(events.path("items").size()).isEqualTo(2);
		assertThat(events.path("items").get(0).path("mediaCount").asInt()).isEqualTo(1);
		assertThat(events.path("items").get(0).path("start").asString())
			.isEqualTo(T0.plusSeconds(120).plusMillis(1).toString());
		assertThat(events.path("items").get(1).path("mediaCount").asInt()).isEqualTo(2);
		assertThat(events.path("items").get(1).path("end").asString()).isEqualTo(T0.plusSeconds(60).toString());
	}

	@Test
	void aLateUploadMergesTwoEventsAndLeavesNoStaleOne() {
		String camera = WireEvents.camera("late");
		wire.uploaded(WireEvents.upload(camera, WireEvents.mediaId(), T0, MediaKind.IMAGE));
		wire.uploaded(WireEvents.upload(camera, WireEvents.mediaId(), T0.plusSeconds(100), MediaKind.IMAGE));
		eventually(() -> events(camera), (json) -> json.path("items").size() == 2);

		String bridge = WireEvents.mediaId();
		wire.uploaded(WireEvents.upload(camera, bridge, T0.plusSeconds(50), MediaKind.IMAGE));
		JsonNode events = eventually(() -> events(camera), (json) -> mediaTotal(json) == 3);
		assertThat(events.path("items").size()).isEqualTo(1);
		String eventId = events.path("items").get(0).path("id").asString();
		assertThat(hashes(media("eventId=" + eventId))).hasSize(3);
	}

	@Test
	void shuffledArrivalsEndInTheSameEventsAsOrderedOnes() {
		String camera = WireEvents.camera("shuffle");
		long[] gapsMillis = { 10_000, 60_000, 60_001, 5_000, 90_000, 59_999, 60_000, 1, 120_000, 30_000 };
		List<Instant> times = new ArrayList<>();
		Instant at = T0;
		times.add(at);
		List<Integer> expectedSizes = new ArrayList<>(List.of(1));
		for (long gap : gapsMillis) {
			at = at.plusMillis(gap);
			times.add(at);
			if (gap > 60_000) {
				expectedSizes.add(0, 1);
			}
			else {
				expectedSizes.set(0, expectedSizes.get(0) + 1);
			}
		}
		List<Runnable> sends = new ArrayList<>();
		for (Instant time : times) {
			String id = WireEvents.mediaId();
			sends.add(() -> wire.uploaded(WireEvents.upload(camera, id, time, MediaKind.IMAGE)));
			sends.add(() -> wire.processed(WireEvents.processed(camera, id, 0.5, time.plusSeconds(1))));
		}
		java.util.Collections.shuffle(sends, new java.util.Random(7));
		sends.forEach(Runnable::run);

		JsonNode events = eventually(() -> events(camera),
				(json) -> mediaTotal(json) == times.size() && json.path("items").size() == expectedSizes.size());
		List<Integer> sizes = new ArrayList<>();
		events.path("items").forEach((event) -> sizes.add(event.path("mediaCount").asInt()));
		assertThat(sizes).isEqualTo(expectedSizes);
	}

	@Test
	void aCaptureTimeReadFromTheContentMovesTheMediaIntoItsEvent() {
		String camera = WireEvents.camera("exif");
		String anchored = WireEvents.mediaId();
		String moving = WireEvents.mediaId();
		wire.uploaded(WireEvents.upload(camera, anchored, T0, MediaKind.IMAGE));
		wire.uploaded(WireEvents.uploadWithoutCaptureTime(camera, moving, T0.plusSeconds(3600)));
		eventually(() -> events(camera), (json) -> json.path("items").size() == 2);

		wire.processed(WireEvents.processedWithCaptureTime(camera, moving, T0.plusSeconds(30)));
		JsonNode events = eventually(() -> events(camera), (json) -> json.path("items").size() == 1);
		assertThat(events.path("items").get(0).path("mediaCount").asInt()).isEqualTo(2);
		assertThat(events.path("items").get(0).path("end").asString()).isEqualTo(T0.plusSeconds(30).toString());
		assertThat(this.api.get("/api/v1/media/" + moving, issuer.reader()).json().path("takenAt").asString())
			.isEqualTo(T0.plusSeconds(30).toString());
	}

	@Test
	void processedBeforeUploadedConvergesToTheSameMedia() {
		String inOrder = WireEvents.camera("order");
		String reversed = WireEvents.camera("reversed");
		String first = WireEvents.mediaId();
		String second = WireEvents.mediaId();
		wire.uploaded(WireEvents.upload(inOrder, first, T0, MediaKind.IMAGE));
		wire.processed(WireEvents.processed(inOrder, first, 0.77, T0.plusSeconds(3)));
		wire.processed(WireEvents.processed(reversed, second, 0.77, T0.plusSeconds(3)));
		// Only once the processing result is stored is the upload published.
		eventually(() -> this.mongo.exists(Query.query(Criteria.where("_id").is(reversed + "." + second)), "media"),
				(found) -> found);
		assertThat(this.api.get("/api/v1/media/" + second, issuer.reader()).status()).isEqualTo(404);
		wire.uploaded(WireEvents.upload(reversed, second, T0, MediaKind.IMAGE));

		JsonNode a = eventually(() -> this.api.get("/api/v1/media/" + first, issuer.reader()),
				(r) -> r.status() == 200 && "OK".equals(r.json().path("status").asString()))
			.json();
		JsonNode b = eventually(() -> this.api.get("/api/v1/media/" + second, issuer.reader()),
				(r) -> r.status() == 200)
			.json();
		for (String field : List.of("kind", "contentType", "sizeBytes", "takenAt", "status", "width", "height",
				"detections", "edgeNodeId")) {
			assertThat(b.path(field)).as(field).isEqualTo(a.path(field));
		}
		JsonNode events = eventually(() -> events(reversed), (json) -> json.path("items").size() == 1);
		assertThat(events.path("items").get(0).path("maxPersonConfidence").asDouble()).isEqualTo(0.77);
	}

	@Test
	void storesAClipsDetectionSummaryAndServesItWithTheMedia() {
		String camera = WireEvents.camera("clip-summary");
		String clip = WireEvents.mediaId();
		String picture = WireEvents.mediaId();
		wire.uploaded(WireEvents.upload(camera, clip, T0, MediaKind.VIDEO));
		wire.uploaded(WireEvents.upload(camera, picture, T0.plusSeconds(5), MediaKind.IMAGE));
		wire.send(Topics.MEDIA_PROCESSED, camera,
				ContractSamples.sample(ContractSamples.PROCESSED_VIDEO_SUMMARY)
					.replace("0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9", clip)
					.replace("square", camera));
		wire.processed(WireEvents.processed(camera, picture, 0.8, T0.plusSeconds(10)));

		JsonNode video = eventually(() -> this.api.get("/api/v1/media/" + camera + "." + clip, issuer.reader()),
				(r) -> r.status() == 200 && "OK".equals(r.json().path("status").asString()))
			.json();
		JsonNode summary = video.path("clip");
		assertThat(summary.path("sampledFrames").asInt()).isEqualTo(8);
		assertThat(summary.path("posterFrameMs").asLong()).isEqualTo(20000);
		assertThat(summary.path("labels")).hasSize(2);
		JsonNode person = summary.path("labels").get(0);
		assertThat(person.path("label").asString()).isEqualTo("person");
		assertThat(person.path("maxConfidence").asDouble()).isEqualTo(0.84);
		assertThat(person.path("bestFrameMs").asLong()).isEqualTo(20000);
		assertThat(person.path("frameMs").toString()).isEqualTo("[0,10000,20000,30000,40000,50000,60000,70000]");
		JsonNode vehicle = summary.path("labels").get(1);
		assertThat(vehicle.path("label").asString()).isEqualTo("vehicle");
		assertThat(vehicle.path("bestFrameMs").asLong()).isEqualTo(40000);
		assertThat(vehicle.path("frameMs").toString()).isEqualTo("[40000]");
		// Listings carry it too.
		JsonNode listed = eventually(() -> media("camera=" + camera + "&kind=VIDEO"),
				(json) -> json.path("items").size() == 1);
		assertThat(listed.path("items").get(0).path("clip")).isEqualTo(summary);

		JsonNode image = eventually(() -> this.api.get("/api/v1/media/" + camera + "." + picture, issuer.reader()),
				(r) -> r.status() == 200 && "OK".equals(r.json().path("status").asString()))
			.json();
		assertThat(image.path("clip").isMissingNode() || image.path("clip").isNull()).as(image.toString()).isTrue();
	}

	@Test
	void redeliveryChangesNothing() {
		String camera = WireEvents.camera("redeliver");
		String mediaId = WireEvents.mediaId();
		// Received today, so the per-day counter shows whether the redelivery was
		// counted.
		Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS).plusSeconds(1);
		MediaUploaded upload = WireEvents.upload(camera, mediaId, today, MediaKind.IMAGE);
		var processed = WireEvents.processed(camera, mediaId, 0.6, today.plusSeconds(5));
		wire.uploaded(upload);
		wire.processed(processed);
		eventually(() -> this.api.get("/api/v1/media/" + mediaId, issuer.reader()),
				(r) -> r.status() == 200 && "OK".equals(r.json().path("status").asString()));
		String mediaBefore = this.api.get("/api/v1/media/" + mediaId, issuer.reader()).body();
		String eventsBefore = events(camera).toString();
		long countedBefore = uploadsToday(camera);

		wire.uploaded(upload);
		wire.processed(processed);
		wire.uploaded(upload);
		// Same key, same partitions: once these sentinels are visible, the duplicates
		// were consumed.
		String sentinel = WireEvents.mediaId();
		wire.uploaded(WireEvents.upload(camera, sentinel, today.plusSeconds(300), MediaKind.IMAGE));
		wire.processed(WireEvents.processed(camera, sentinel, 0.1, today.plusSeconds(305)));
		eventually(() -> this.api.get("/api/v1/media/" + sentinel, issuer.reader()),
				(r) -> r.status() == 200 && "OK".equals(r.json().path("status").asString()));

		assertThat(this.api.get("/api/v1/media/" + mediaId, issuer.reader()).body()).isEqualTo(mediaBefore);
		// The sentinel's event is stitched just after the sentinel becomes visible.
		JsonNode eventsAfter = eventually(() -> events(camera), (json) -> json.path("items").size() >= 2);
		assertThat(eventsAfter.path("items").size()).isEqualTo(2);
		assertThat(eventsAfter.path("items").get(1).toString())
			.isEqualTo(Api.JSON.readTree(eventsBefore).path("items").get(0).toString());
		// The sentinel is counted after it becomes visible; the duplicates came before
		// it.
		assertThat(eventually(() -> uploadsToday(camera), (count) -> count > countedBefore))
			.isEqualTo(countedBefore + 1);
	}

	@Test
	void pagesWithACursorStayStableWhileNewMediaArrive() {
		String camera = WireEvents.camera("pages");
		List<String> published = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String id = WireEvents.mediaId();
			published.add(0, id);
			wire.uploaded(WireEvents.upload(camera, id, T0.plusSeconds(i * 10L), MediaKind.IMAGE));
		}
		eventually(() -> media("camera=" + camera), (json) -> json.path("items").size() == 5);
		JsonNode first = media("camera=" + camera + "&limit=2");
		wire.uploaded(WireEvents.upload(camera, WireEvents.mediaId(), T0.plusSeconds(1000), MediaKind.IMAGE));
		eventually(() -> media("camera=" + camera), (json) -> json.path("items").size() == 6);
		List<String> seen = new ArrayList<>(hashes(first));
		String cursor = first.path("nextCursor").asString();
		while (cursor != null && !cursor.isEmpty()) {
			JsonNode next = media("camera=" + camera + "&limit=2&cursor=" + cursor);
			seen.addAll(hashes(next));
			cursor = next.path("nextCursor").isMissingNode() || next.path("nextCursor").isNull() ? null
					: next.path("nextCursor").asString();
		}
		assertThat(seen).containsExactlyElementsOf(published);
	}

	private JsonNode media(String query) {
		return this.api.get("/api/v1/media?" + query, issuer.reader()).json();
	}

	private JsonNode events(String camera) {
		return this.api.get("/api/v1/events?camera=" + camera, issuer.reader()).json();
	}

	private long uploadsToday(String camera) {
		return this.api.get("/api/v1/cameras/" + camera + "/health", issuer.reader())
			.json()
			.path("uploadsToday")
			.asLong();
	}

	private static int mediaTotal(JsonNode events) {
		int total = 0;
		for (JsonNode event : events.path("items")) {
			total += event.path("mediaCount").asInt();
		}
		return total;
	}

	/** The content hashes (wire mediaIds) of a page's items, in order. */
	static List<String> hashes(JsonNode page) {
		List<String> hashes = new ArrayList<>();
		page.path("items").forEach((item) -> hashes.add(item.path("sha256").asString()));
		return hashes;
	}

}
