package dev.vigil.bench.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CatalogDatasetTests {

	@Test
	void sameSeedAndSizeGiveTheSameDocuments() {
		Collected first = collect(CatalogDataset.standard(3_000));
		Collected second = collect(CatalogDataset.standard(3_000));
		assertThat(second.media).isEqualTo(first.media);
		assertThat(second.events).isEqualTo(first.events);
		assertThat(second.summary).isEqualTo(first.summary);
	}

	@Test
	void anotherSeedGivesOtherDocuments() {
		CatalogDataset standard = CatalogDataset.standard(1_000);
		CatalogDataset other = new CatalogDataset(7, 1_000, standard.cameras(), standard.days(), standard.end());
		assertThat(collect(other).media.getFirst().getString("_id"))
			.isNotEqualTo(collect(standard).media.getFirst().getString("_id"));
	}

	@Test
	void hasTheRequestedShape() {
		CatalogDataset dataset = CatalogDataset.standard(40_000);
		Collected collected = collect(dataset);
		List<Document> media = collected.media;
		assertThat(media).hasSize(40_000);
		assertThat(collected.summary.media()).isEqualTo(40_000);
		assertThat(media.stream().map((m) -> m.getString("_id")).distinct().count()).isEqualTo(40_000);
		assertThat(collected.summary.cameras()).hasSize(20);
		int busiest = collected.summary.cameras().getFirst().media();
		int quietest = collected.summary.cameras().getLast().media();
		assertThat((double) busiest / quietest).isCloseTo(3.0, within(0.1));

		double videos = media.stream().filter((m) -> "VIDEO".equals(m.getString("kind"))).count() / 40_000.0;
		assertThat(videos).isCloseTo(0.10, within(0.01));
		double person = media.stream().filter((m) -> m.getDouble("personConfidence") > 0).count() / 40_000.0;
		assertThat(person).isCloseTo(0.20, within(0.015));
		assertThat(collected.summary.withPerson()).isEqualTo(Math.round(person * 40_000));
		double eventSize = 40_000.0 / collected.events.size();
		assertThat(eventSize).isCloseTo(3.0, within(0.1));

		Instant start = dataset.end().minus(Duration.ofDays(30));
		for (Document item : media) {
			Instant taken = item.getDate("takenAt").toInstant();
			assertThat(taken).isBetween(start, dataset.end());
			assertThat(taken.getNano()).isZero();
			assertThat(item.getDate("capturedAt")).isEqualTo(item.getDate("takenAt"));
			assertThat(item.getDate("receivedAt").toInstant()).isAfter(taken);
			assertThat(item.getString("day")).isEqualTo(taken.toString().substring(0, 10));
			assertThat(item.getBoolean("listed")).isTrue();
			assertThat(item.getString("sha256")).matches("[0-9a-f]{64}");
			assertThat(item.getString("_id")).isEqualTo(item.getString("cameraId") + "." + item.getString("sha256"));
			assertThat(item.getString("eventId")).startsWith(item.getString("cameraId") + ".");
		}
	}

	@Test
	void personConfidencesAreBimodal() {
		CatalogDataset dataset = CatalogDataset.standard(40_000);
		int[] deciles = new int[10];
		for (Document item : collect(dataset).media) {
			for (Document detection : item.getList("detections", Document.class)) {
				assertThat(detection.getString("label")).isEqualTo("person");
				double confidence = detection.getDouble("confidence");
				assertThat(confidence).isBetween(0.05, 0.99);
				assertThat(detection.getInteger("bucket")).isEqualTo(Math.min(9, (int) Math.floor(confidence * 10)));
				deciles[detection.getInteger("bucket")]++;
			}
		}
		// Two peaks (0.3–0.4 and 0.8–0.9) with a trough between them.
		assertThat(deciles[3]).isGreaterThan(deciles[5]);
		assertThat(deciles[8]).isGreaterThan(deciles[6]);
		assertThat(deciles[6]).isLessThan(deciles[3]);
	}

	@Test
	void eventsFollowTheStitchingRuleAndSummariseTheirMedia() {
		Collected collected = collect(CatalogDataset.standard(20_000));
		Map<String, List<Document>> byEvent = new HashMap<>();
		for (Document item : collected.media) {
			byEvent.computeIfAbsent(item.getString("eventId"), (id) -> new ArrayList<>()).add(item);
		}
		assertThat(byEvent).hasSameSizeAs(collected.events);
		Map<String, Instant> lastEndPerCamera = new HashMap<>();
		Set<String> ids = new HashSet<>();
		for (Document event : collected.events) {
			assertThat(ids.add(event.getString("_id"))).isTrue();
			List<Document> media = byEvent.get(event.getString("_id"));
			assertThat(media).hasSize(event.getInteger("mediaCount")).hasSizeBetween(1, 5);
			Instant start = event.getDate("start").toInstant();
			assertThat(event.getString("_id")).isEqualTo(event.getString("cameraId") + "." + start.toEpochMilli());
			assertThat(media.getFirst().getDate("takenAt").toInstant()).isEqualTo(start);
			assertThat(media.getLast().getDate("takenAt").toInstant()).isEqualTo(event.getDate("end").toInstant());
			for (int i = 1; i < media.size(); i++) {
				Duration gap = Duration.between(media.get(i - 1).getDate("takenAt").toInstant(),
						media.get(i).getDate("takenAt").toInstant());
				assertThat(gap).isPositive().isLessThanOrEqualTo(CatalogDataset.EVENT_GAP);
			}
			Instant previousEnd = lastEndPerCamera.put(event.getString("cameraId"), event.getDate("end").toInstant());
			if (previousEnd != null) {
				assertThat(Duration.between(previousEnd, start)).isGreaterThan(CatalogDataset.EVENT_GAP);
			}
			double maxPerson = media.stream().mapToDouble((m) -> m.getDouble("personConfidence")).max().orElseThrow();
			assertThat(event.getDouble("maxPersonConfidence")).isEqualTo(maxPerson);
			assertThat(event.getInteger("imageCount") + event.getInteger("videoCount")).isEqualTo(media.size());
		}
	}

	@Test
	void everyMediaCountIsHonouredExactly() {
		for (int size : new int[] { 1, 19, 20, 21, 999, 12_345 }) {
			Collected collected = collect(CatalogDataset.standard(size));
			assertThat(collected.media).hasSize(size);
			assertThat(collected.summary.sampleIds()).isNotEmpty().hasSizeLessThanOrEqualTo(1_000);
		}
	}

	private static Collected collect(CatalogDataset dataset) {
		List<Document> media = new ArrayList<>();
		List<Document> events = new ArrayList<>();
		CatalogDataset.Summary summary = dataset.generate(new CatalogDataset.Sink() {
			@Override
			public void media(Document document) {
				media.add(document);
			}

			@Override
			public void event(Document document) {
				events.add(document);
			}
		});
		return new Collected(media, events, summary);
	}

	private record Collected(List<Document> media, List<Document> events, CatalogDataset.Summary summary) {

	}

}
