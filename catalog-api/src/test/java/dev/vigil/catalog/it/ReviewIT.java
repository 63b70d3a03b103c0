package dev.vigil.catalog.it;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.vigil.contracts.MediaKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reviewing events like an NVR (issue #18): the reviewed state is each person's own, an
 * event with a person is an alert and one without plain motion, "mark all up to now"
 * clears the count, and every refusal is a problem document that leaks nothing of other
 * cameras.
 */
class ReviewIT extends CatalogIT {

	private static final Instant T0 = Instant.parse("2026-11-30T06:14:00Z");

	@Test
	void eachPersonReviewsTheirOwnEventsAlertsApartFromMotion() {
		String camera = WireEvents.camera("porch");
		String person = WireEvents.mediaId();
		String motion = WireEvents.mediaId();
		wire.uploaded(WireEvents.upload(camera, person, T0, MediaKind.IMAGE));
		wire.processed(WireEvents.processed(camera, person, 0.9, T0.plusSeconds(5)));
		wire.uploaded(WireEvents.upload(camera, motion, T0.plusSeconds(600), MediaKind.IMAGE));
		wire.processed(WireEvents.processed(camera, motion, 0.0, T0.plusSeconds(605)));
		String alice = issuer.tokenFor("alice-" + UUID.randomUUID(), "media:read", List.of(camera));
		String bob = issuer.tokenFor("bob-" + UUID.randomUUID(), "media:read", List.of(camera));

		JsonNode all = eventually(() -> this.api.get("/api/v1/reviews/events?camera=" + camera, alice).json(),
				(json) -> json.path("items").size() == 2 && json.path("items").get(1).path("alert").asBoolean());
		String motionEvent = all.path("items").get(0).path("event").path("id").asString();
		String alertEvent = all.path("items").get(1).path("event").path("id").asString();
		assertThat(all.path("items").get(0).path("alert").asBoolean()).isFalse();
		assertThat(all.path("items").get(0).path("reviewed").asBoolean()).isFalse();

		assertThat(ids(this.api.get("/api/v1/reviews/events?camera=" + camera + "&kind=alert", alice)))
			.containsExactly(alertEvent);
		assertThat(ids(this.api.get("/api/v1/reviews/events?camera=" + camera + "&kind=motion", alice)))
			.containsExactly(motionEvent);
		assertThat(ids(this.api.get("/api/v1/reviews/events?camera=" + camera + "&label=person&label=car", alice)))
			.containsExactly(alertEvent);
		assertThat(ids(this.api.get("/api/v1/reviews/events?camera=" + camera + "&from=2026-11-30T06:20:00Z", alice)))
			.containsExactly(motionEvent);

		assertThat(ids(this.api.get("/api/v1/reviews/events?camera=" + camera + "&held=true", alice))).isEmpty();
		Api.Response hold = this.api.send("PUT", "/api/v1/events/" + alertEvent + "/legal-hold", issuer.admin(),
				"{\"hold\":true,\"reason\":\"police\"}");
		assertThat(hold.status()).as(hold.body()).isEqualTo(200);
		assertThat(eventually(() -> ids(this.api.get("/api/v1/reviews/events?camera=" + camera + "&held=true", alice)),
				(held) -> !held.isEmpty()))
			.containsExactly(alertEvent);
		assertThat(ids(this.api.get("/api/v1/reviews/events?camera=" + camera + "&held=false", alice)))
			.containsExactly(motionEvent);

		JsonNode summary = this.api.get("/api/v1/reviews/summary", alice).json();
		assertThat(summary.path("unreviewed").asLong()).isEqualTo(2);
		assertThat(summary.path("unreviewedAlerts").asLong()).isEqualTo(1);
		assertThat(summary.path("nextUnreviewed").asString()).isEqualTo(motionEvent);

		Api.Response marked = this.api.send("PUT", "/api/v1/reviews/events/" + motionEvent, alice,
				"{\"reviewed\":true}");
		assertThat(marked.status()).as(marked.body()).isEqualTo(200);
		assertThat(marked.json().path("reviewed").asBoolean()).isTrue();
		assertThat(this.api.get("/api/v1/reviews/events/" + motionEvent, alice).json().path("reviewed").asBoolean())
			.isTrue();
		assertThat(this.api.get("/api/v1/reviews/events/" + motionEvent, bob).json().path("reviewed").asBoolean())
			.isFalse();
		summary = this.api.get("/api/v1/reviews/summary", alice).json();
		assertThat(summary.path("unreviewed").asLong()).isEqualTo(1);
		assertThat(summary.path("nextUnreviewed").asString()).isEqualTo(alertEvent);
		assertThat(ids(this.api.get("/api/v1/reviews/events?camera=" + camera + "&reviewed=false", alice)))
			.containsExactly(alertEvent);
		assertThat(ids(this.api.get("/api/v1/reviews/events?camera=" + camera + "&reviewed=true", alice)))
			.containsExactly(motionEvent);
		// Bob has reviewed nothing.
		assertThat(this.api.get("/api/v1/reviews/summary", bob).json().path("unreviewed").asLong()).isEqualTo(2);

		JsonNode cleared = this.api.send("POST", "/api/v1/reviews/mark-all", alice, null).json();
		assertThat(cleared.path("unreviewed").asLong()).isZero();
		assertThat(cleared.path("nextUnreviewed").isNull()).isTrue();
		assertThat(ids(this.api.get("/api/v1/reviews/events?camera=" + camera + "&reviewed=false", alice))).isEmpty();
		// One event can be taken back out of the "all reviewed" set.
		this.api.send("PUT", "/api/v1/reviews/events/" + alertEvent, alice, "{\"reviewed\":false}");
		assertThat(ids(this.api.get("/api/v1/reviews/events?camera=" + camera + "&reviewed=false", alice)))
			.containsExactly(alertEvent);
		assertThat(this.api.get("/api/v1/reviews/summary", bob).json().path("unreviewed").asLong()).isEqualTo(2);
	}

	@Test
	void refusesBadInputAndOtherCamerasWithProblems() {
		String camera = WireEvents.camera("garden");
		String media = WireEvents.mediaId();
		wire.uploaded(WireEvents.upload(camera, media, T0, MediaKind.IMAGE));
		String event = eventually(() -> this.api.get("/api/v1/reviews/events?camera=" + camera, issuer.reader()).json(),
				(json) -> json.path("items").size() == 1)
			.path("items")
			.get(0)
			.path("event")
			.path("id")
			.asString();
		String elsewhere = issuer.tokenFor("carol-" + UUID.randomUUID(), "media:read", List.of("some-other-camera"));

		assertProblem(this.api.send("PUT", "/api/v1/reviews/events/" + event, elsewhere, "{\"reviewed\":true}"), 404,
				"event-not-found");
		assertProblem(this.api.get("/api/v1/reviews/events/" + event, elsewhere), 404, "event-not-found");
		assertProblem(this.api.get("/api/v1/reviews/events?camera=" + camera, elsewhere), 403, "camera-forbidden");
		assertProblem(this.api.get("/api/v1/reviews/summary?camera=" + camera, elsewhere), 403, "camera-forbidden");
		assertThat(this.api.get("/api/v1/reviews/summary", elsewhere).json().path("unreviewed").asLong()).isZero();
		assertThat(ids(this.api.get("/api/v1/reviews/events", elsewhere))).doesNotContain(event);

		String reader = issuer.tokenFor("dave-" + UUID.randomUUID(), "media:read", null);
		assertProblem(this.api.send("POST", "/api/v1/reviews/mark-all", reader, "{\"upTo\":\"2999-01-01T00:00:00Z\"}"),
				400, "invalid-parameter");
		assertProblem(this.api.send("PUT", "/api/v1/reviews/events/not-an-event", reader, "{\"reviewed\":true}"), 400,
				"invalid-parameter");
		assertProblem(this.api.get("/api/v1/reviews/events?kind=everything", reader), 400, "invalid-parameter");
		assertProblem(this.api.get("/api/v1/reviews/events?cursor=%21%21", reader), 400, "invalid-cursor");
		assertProblem(this.api.send("PUT", "/api/v1/reviews/events/" + event, reader, "{\"reviewed\":"), 400,
				"invalid-request");
		assertProblem(this.api.get("/api/v1/reviews/summary", null), 401, "unauthorized");
		assertProblem(this.api.get("/api/v1/reviews/summary", issuer.token("profile", null)), 403,
				"insufficient-scope");
	}

	private static List<String> ids(Api.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		response.json().path("items").forEach((item) -> ids.add(item.path("event").path("id").asString()));
		return ids;
	}

	private static void assertProblem(Api.Response response, int status, String kind) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.problemType()).as(response.body()).isEqualTo("https://vigil.dev/problems/" + kind);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.vigil");
	}

}
