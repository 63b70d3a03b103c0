package dev.vigil.catalog.it;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import dev.vigil.contracts.MediaKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every "bad input" row of the API: each is refused with a problem document of a stable
 * type, and nothing of another camera leaks.
 */
class ApiSecurityIT extends CatalogIT {

	private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

	private static String cameraA;

	private static String cameraB;

	private static String mediaA;

	private static String mediaB;

	@BeforeEach
	void seedOnce() {
		if (cameraA != null) {
			return;
		}
		cameraA = WireEvents.camera("sec-a");
		cameraB = WireEvents.camera("sec-b");
		mediaA = WireEvents.mediaId();
		mediaB = WireEvents.mediaId();
		wire.uploaded(WireEvents.upload(cameraA, mediaA, T0, MediaKind.IMAGE));
		wire.processed(WireEvents.processed(cameraA, mediaA, 0.8, T0.plusSeconds(2)));
		wire.uploaded(WireEvents.upload(cameraB, mediaB, T0, MediaKind.IMAGE));
		eventually(() -> this.api.get("/api/v1/media/" + mediaA, issuer.reader()),
				(r) -> r.status() == 200 && "OK".equals(r.json().path("status").asString()));
		eventually(() -> this.api.get("/api/v1/media/" + mediaB, issuer.reader()), (r) -> r.status() == 200);
	}

	@Test
	void refusesARequestWithoutAToken() {
		assertProblem(this.api.get("/api/v1/media", null), 401, "unauthorized");
	}

	@Test
	void refusesExpiredForgedAndForeignTokens() {
		assertProblem(this.api.get("/api/v1/media", issuer.expired()), 401, "unauthorized");
		assertProblem(this.api.get("/api/v1/media", issuer.forged()), 401, "unauthorized");
		assertProblem(this.api.get("/api/v1/media", issuer.wrongIssuer()), 401, "unauthorized");
		assertProblem(this.api.get("/api/v1/media", "not.a.jwt"), 401, "unauthorized");
	}

	@Test
	void refusesAnIdTokenAsABearerToken() {
		// Signed by the issuer, for an admin, but an ID token (typ JWT, aud the ui
		// client).
		assertProblem(this.api.get("/api/v1/media", issuer.idToken()), 401, "unauthorized");
		assertProblem(this.api.get("/api/v1/audit", issuer.idToken()), 401, "unauthorized");
		assertProblem(this.api.send("DELETE", "/api/v1/media/" + mediaA, issuer.idToken(), null), 401, "unauthorized");
	}

	@Test
	void refusesAccessTokensForAnotherAudienceOrWithoutTheAccessTokenType() {
		assertProblem(this.api.get("/api/v1/media", issuer.otherAudience()), 401, "unauthorized");
		assertProblem(this.api.get("/api/v1/media", issuer.untyped()), 401, "unauthorized");
	}

	@Test
	void theAdminRoleGrantsNothingBeyondTheTokensScopes() {
		String reader = issuer.withAdminRole("media:read");
		assertThat(this.api.get("/api/v1/media", reader).status()).isEqualTo(200);
		assertProblem(this.api.get("/api/v1/audit", reader), 403, "insufficient-scope");
		assertProblem(this.api.send("DELETE", "/api/v1/media/" + mediaA, reader, null), 403, "insufficient-scope");
		assertProblem(this.api.send("PATCH", "/api/v1/cameras/" + cameraA, reader, "{\"name\":\"pwned\"}"), 403,
				"insufficient-scope");
	}

	@Test
	void refusesATokenWithoutTheScope() {
		assertProblem(this.api.get("/api/v1/media", issuer.token("profile", null)), 403, "insufficient-scope");
		assertProblem(this.api.send("DELETE", "/api/v1/media/" + mediaA, issuer.writer(), null), 403,
				"insufficient-scope");
		assertProblem(this.api.get("/api/v1/audit", issuer.reader()), 403, "insufficient-scope");
		assertProblem(this.api.send("POST", "/api/v1/media/" + mediaA + "/feedback", issuer.reader(),
				"{\"detection\":0,\"falsePositive\":true}"), 403, "insufficient-scope");
	}

	@Test
	void aTokenScopedToOtherCamerasSeesNothingOfThem() {
		String onlyB = issuer.token("media:read", List.of(cameraB));
		assertProblem(this.api.get("/api/v1/media?camera=" + cameraA, onlyB), 403, "camera-forbidden");
		assertProblem(this.api.get("/api/v1/events?camera=" + cameraA, onlyB), 403, "camera-forbidden");
		assertProblem(this.api.get("/api/v1/cameras/" + cameraA, onlyB), 403, "camera-forbidden");
		assertProblem(this.api.get("/api/v1/stats?camera=" + cameraA, onlyB), 403, "camera-forbidden");
		assertProblem(this.api.get("/api/v1/media/" + mediaA, onlyB), 404, "media-not-found");
		assertProblem(this.api.get("/api/v1/media/" + mediaA + "/content?variant=thumbnail", onlyB), 404,
				"media-not-found");

		JsonNode all = this.api.get("/api/v1/media?limit=200", onlyB).json();
		all.path("items").forEach((item) -> assertThat(item.path("cameraId").asString()).isEqualTo(cameraB));
		JsonNode cameras = this.api.get("/api/v1/cameras", onlyB).json();
		assertThat(cameras.size()).isEqualTo(1);
		assertThat(cameras.get(0).path("id").asString()).isEqualTo(cameraB);
		JsonNode stats = this.api.get("/api/v1/stats", onlyB).json();
		stats.path("storage").forEach((row) -> assertThat(row.path("cameraId").asString()).isEqualTo(cameraB));
		stats.path("uploadsPerDay").forEach((row) -> assertThat(row.path("cameraId").asString()).isEqualTo(cameraB));
		// Camera A's person detection must not show up in B's histogram.
		assertThat(stats.path("confidenceHistogram").size()).isZero();
	}

	@Test
	void refusesAnInvalidCursor() {
		assertProblem(this.api.get("/api/v1/media?cursor=bm90LWEtY3Vyc29y", issuer.reader()), 400, "invalid-cursor");
		assertProblem(this.api.get("/api/v1/events?cursor=%25%25%25", issuer.reader()), 400, "invalid-cursor");
	}

	@Test
	void refusesARangeThatEndsBeforeItStarts() {
		assertProblem(this.api.get("/api/v1/media?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", issuer.reader()),
				400, "invalid-time-range");
		assertProblem(this.api.get("/api/v1/media?from=yesterday", issuer.reader()), 400, "invalid-parameter");
	}

	@Test
	void answersAnUnknownCameraWith404() {
		assertProblem(this.api.get("/api/v1/media?camera=no-such-camera", issuer.reader()), 404, "camera-not-found");
		assertProblem(this.api.get("/api/v1/cameras/no-such-camera", issuer.reader()), 404, "camera-not-found");
		assertProblem(this.api.get("/api/v1/cameras/no-such-camera/health", issuer.reader()), 404, "camera-not-found");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-1", "0", "201", "1000000", "99999999999999999999", "ten" })
	void refusesPageSizesOutOfRange(String limit) {
		assertProblem(this.api.get("/api/v1/media?limit=" + limit, issuer.reader()), 400, "invalid-parameter");
		assertProblem(this.api.get("/api/v1/events?limit=" + limit, issuer.reader()), 400, "invalid-parameter");
	}

	@ParameterizedTest
	@ValueSource(strings = { "camera={\"$gt\":\"\"}", "camera[$ne]=x", "label={\"$where\":\"sleep(100)\"}",
			"label=$where", "kind={\"$gt\":\"\"}", "status={\"$ne\":null}", "eventId={\"$gt\":\"\"}",
			"minConfidence={\"$gt\":0}", "camera=a;db.dropDatabase()" })
	void refusesOperatorInjectionInFilters(String query) {
		int eq = query.indexOf('=');
		String encoded = query.substring(0, eq + 1)
				+ URLEncoder.encode(query.substring(eq + 1), StandardCharsets.UTF_8);
		Api.Response response = this.api.get("/api/v1/media?" + encoded.replace("[", "%5B").replace("]", "%5D"),
				issuer.reader());
		if (query.startsWith("camera[")) {
			// An unknown parameter name is ignored, never interpreted: the listing is
			// unfiltered.
			assertThat(response.status()).isEqualTo(200);
			return;
		}
		assertProblem(response, 400, "invalid-parameter");
	}

	@Test
	void refusesMalformedIds() {
		assertProblem(this.api.get("/api/v1/media/not-a-sha256", issuer.reader()), 400, "invalid-parameter");
		assertProblem(this.api.get("/api/v1/media/" + "A".repeat(64), issuer.reader()), 400, "invalid-parameter");
		// Encoded slashes are refused by the server before any handler runs.
		assertThat(this.api.get("/api/v1/events/..%2F..%2Fetc", issuer.reader()).status()).isEqualTo(400);
		assertProblem(this.api.get("/api/v1/events/no-dot", issuer.reader()), 400, "invalid-parameter");
		assertProblem(this.api.get("/api/v1/cameras/" + "x".repeat(65), issuer.reader()), 400, "invalid-parameter");
		assertProblem(this.api.get("/api/v1/media/" + "0".repeat(64), issuer.reader()), 404, "media-not-found");
	}

	@Test
	void answersAMissingContentVariantWith404() {
		assertProblem(this.api.get("/api/v1/media/" + mediaA + "/content?variant=rendition", issuer.reader()), 404,
				"variant-not-found");
		assertProblem(this.api.get("/api/v1/media/" + mediaB + "/content?variant=thumbnail", issuer.reader()), 404,
				"variant-not-found");
		assertProblem(this.api.get("/api/v1/media/" + mediaA + "/content?variant=../../etc/passwd", issuer.reader()),
				400, "invalid-parameter");
	}

	@Test
	void refusesInvalidBodies() {
		assertProblem(
				this.api.send("PATCH", "/api/v1/cameras/" + cameraA, issuer.admin(), "{\"timeZone\":\"Mars/Olympus\"}"),
				400, "invalid-parameter");
		assertProblem(this.api.send("PATCH", "/api/v1/cameras/" + cameraA, issuer.admin(), "{\"name\":\"\"}"), 400,
				"invalid-parameter");
		assertProblem(this.api.send("PATCH", "/api/v1/cameras/" + cameraA, issuer.admin(), "{not json"), 400,
				"invalid-request");
		assertProblem(this.api.send("POST", "/api/v1/media/" + mediaA + "/feedback", issuer.writer(),
				"{\"detection\":5,\"falsePositive\":true}"), 404, "detection-not-found");
	}

	@Test
	void limitsRequestsPerClientWith429() {
		String token = issuer.reader();
		Api.Response last = null;
		// Fixed one-minute windows: twice the limit crosses at most one window boundary.
		for (int i = 0; i < 130 && (last == null || last.status() == 200); i++) {
			last = this.api.get("/api/v1/cameras", token);
		}
		assertProblem(last, 429, "rate-limited");
		// Another client is not affected.
		assertThat(this.api.get("/api/v1/cameras", issuer.reader()).status()).isEqualTo(200);
	}

	@Test
	void countsRequestsPerSubjectWhateverTokenOrClientCarriesThem() {
		String subject = "it-sub-" + java.util.UUID.randomUUID();
		Api.Response last = null;
		// A fresh token per request (as a client-credentials loop would mint) shares the
		// subject's bucket.
		for (int i = 0; i < 130 && (last == null || last.status() == 200); i++) {
			last = this.api.get("/api/v1/cameras", issuer.tokenFor(subject, "media:read"));
		}
		assertProblem(last, 429, "rate-limited");
		// Another user of the same client (client_id "it") keeps its own budget.
		assertThat(this.api
			.get("/api/v1/cameras", issuer.tokenFor("it-other-" + java.util.UUID.randomUUID(), "media:read"))
			.status()).isEqualTo(200);
	}

	private static void assertProblem(Api.Response response, int status, String kind) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.problemType()).isEqualTo("https://vigil.dev/problems/" + kind);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.vigil");
	}

}
