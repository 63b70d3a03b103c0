package dev.vigil.ui.live;

import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class StreamRelayTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final StreamRelay.Display display = new StreamRelay.Display(Map.of("driveway", "<b>Driveway</b>"),
			Map.of("driveway", ZoneId.of("Europe/Berlin")), ZoneId.of("UTC"));

	@Test
	void turnsACatalogChangeIntoAFormattedItem() {
		// catalog-api names media <cameraId>.<sha256>.
		String id = "driveway." + "a".repeat(64);
		Map<String, Object> item = StreamRelay.item(this.json.readTree("""
				{"change":"UPLOADED","mediaId":"%s","cameraId":"driveway","kind":"IMAGE",
				"takenAt":"2026-11-25T09:00:00Z","eventId":"driveway.1764061200000","personConfidence":0.876}
				""".formatted(id)), this.display);
		assertThat(item).containsEntry("id", id)
			.containsEntry("camera", "<b>Driveway</b>")
			.containsEntry("time", "10:00:00")
			.containsEntry("person", 88L)
			.containsEntry("href", "/events/driveway.1764061200000?m=" + id)
			.containsEntry("thumbnail", "/media/" + id + "/thumbnail");
	}

	@Test
	void skipsDeletionsReadyEventsAndMalformedIds() {
		assertThat(StreamRelay.item(this.json.readTree("{}"), this.display)).isNull();
		assertThat(StreamRelay.item(this.json.readTree("""
				{"change":"DELETED","mediaId":"%s","cameraId":"driveway"}""".formatted("a".repeat(64))), this.display))
			.isNull();
		assertThat(StreamRelay.item(this.json.readTree("""
				{"change":"UPLOADED","mediaId":"../../x","cameraId":"driveway"}"""), this.display)).isNull();
	}

	@Test
	void keepsMaliciousEventIdsOutOfLinks() {
		Map<String, Object> item = StreamRelay.item(this.json.readTree("""
				{"change":"UPLOADED","mediaId":"%s","cameraId":"x","eventId":"javascript:alert(1)"}"""
			.formatted("a".repeat(64))), this.display);
		assertThat(item).containsEntry("href", "/live");
	}

}
