package dev.vigil.catalog.it;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.vigil.contracts.MediaKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #18: emptying a camera's time zone or silent threshold in the settings went back
 * to nothing; it kept the old value. "" and 0 now mean "the default", and the audit log
 * records the settings as readable values, not {@code Retention[...]} strings.
 */
class CameraSettingsIT extends CatalogIT {

	@Test
	void emptiedSettingsGoBackToTheDefaultAndAreAuditedReadably() {
		String camera = WireEvents.camera("settings");
		wire.uploaded(WireEvents.upload(camera, WireEvents.mediaId(), Instant.parse("2026-12-01T06:19:00Z"),
				MediaKind.IMAGE));
		eventually(() -> this.api.get("/api/v1/cameras/" + camera, issuer.reader()), (r) -> r.status() == 200);
		Api.Response set = this.api.send("PATCH", "/api/v1/cameras/" + camera, issuer.admin(),
				"{\"timeZone\":\"Europe/Berlin\",\"silentAfterMinutes\":30,"
						+ "\"retention\":{\"imageMaxAgeDays\":30}}");
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		assertThat(set.json().path("timeZone").asString()).isEqualTo("Europe/Berlin");

		Api.Response cleared = this.api.send("PATCH", "/api/v1/cameras/" + camera, issuer.admin(),
				"{\"timeZone\":\"\",\"silentAfterMinutes\":0}");
		assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
		JsonNode camera2 = this.api.get("/api/v1/cameras/" + camera, issuer.reader()).json();
		assertThat(camera2.path("timeZone").isMissingNode() || camera2.path("timeZone").isNull()).as(camera2.toString())
			.isTrue();
		assertThat(camera2.path("silentAfterMinutes").isMissingNode() || camera2.path("silentAfterMinutes").isNull())
			.as(camera2.toString())
			.isTrue();
		assertThat(this.api.send("PATCH", "/api/v1/cameras/" + camera, issuer.admin(), "{\"silentAfterMinutes\":-1}")
			.status()).isEqualTo(400);

		JsonNode audit = this.api.get("/api/v1/audit?action=camera.updated&limit=50", issuer.admin()).json();
		JsonNode first = null;
		for (JsonNode entry : audit.path("items")) {
			if (camera.equals(entry.path("target").asString()) && entry.path("details").has("retention")) {
				first = entry;
			}
		}
		assertThat(first).as(audit.toString()).isNotNull();
		assertThat(first.path("details").path("retention").path("imageMaxAgeDays").asInt()).isEqualTo(30);
		assertThat(first.path("details").path("retention").path("videoMaxAgeDays").asString()).isEqualTo("default");
	}

}
