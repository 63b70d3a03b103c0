package dev.vigil.catalog.it;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.TestPropertySource;

import dev.vigil.contracts.MediaKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event with more items than {@code vigil.catalog.export.max-items} is refused with a
 * ProblemDetail before any byte of a zip is sent.
 */
@TestPropertySource(properties = "vigil.catalog.export.max-items=2")
class EventExportLimitIT extends CatalogIT {

	@Test
	void refusesAnEventOverTheCapWithAProblem() throws Exception {
		String camera = WireEvents.camera("big");
		Instant at = Instant.now().minusSeconds(3600);
		for (int i = 0; i < 3; i++) {
			wire.uploaded(WireEvents.upload(camera, WireEvents.mediaId(), at.plusSeconds(i), MediaKind.IMAGE));
		}
		JsonNode events = eventually(() -> this.api.get("/api/v1/events?camera=" + camera, issuer.reader()).json(),
				(json) -> json.path("items").size() == 1 && json.path("items").get(0).path("mediaCount").asInt() == 3);
		String eventId = events.path("items").get(0).path("id").asString();
		HttpResponse<String> response = this.api.http()
			.send(HttpRequest.newBuilder(URI.create(this.api.base() + "/api/v1/events/" + eventId + "/export"))
				.header("Authorization", "Bearer " + issuer.reader())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
		JsonNode problem = JsonMapper.builder().build().readTree(response.body());
		assertThat(problem.path("type").asString()).endsWith("/export-too-large");
		assertThat(problem.path("maxItems").asInt()).isEqualTo(2);
	}

}
