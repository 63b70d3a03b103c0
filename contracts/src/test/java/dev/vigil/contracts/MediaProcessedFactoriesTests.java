package dev.vigil.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The factories write the same wire format as the golden samples: each sample is rebuilt
 * through them and compared with the sample, as records and as JSON trees.
 */
class MediaProcessedFactoriesTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void buildsTheImageSample() {
		String prefix = "derived/driveway/2016/08/30/15/9f2c1a7d5e4b3c2a1f0e9d8c7b6a5f4e3d2c1b0a99887766554433221100ffee/";
		MediaProcessed built = MediaProcessed
			.processed(UUID.fromString("7e6d5c4b-3a29-4817-a6b5-c4d3e2f1a0b9"),
					"9f2c1a7d5e4b3c2a1f0e9d8c7b6a5f4e3d2c1b0a99887766554433221100ffee", "driveway")
			.derived(new DerivedKeys(prefix + "thumb.jpg", null, null))
			.size(640, 424)
			.capturedAt(Instant.parse("2016-08-30T13:51:37Z"))
			.cameraModel("Foscam FI9821P")
			.detections(
					List.of(new Detection("person", 0.91, new BoundingBox(189, 96, 82, 268), null),
							new Detection("person", 0.42, new BoundingBox(410, 120, 64, 190), null)),
					new DetectorInfo("opencv-hog", "4.9.0"))
			.ok(143, Instant.parse("2016-08-30T13:51:40.120Z"));
		assertSameAsSample(built, ContractSamples.PROCESSED_IMAGE_PERSON);
	}

	@Test
	void buildsTheVideoSample() {
		String prefix = "derived/driveway/2016/08/30/15/0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9/";
		MediaProcessed built = MediaProcessed
			.processed(UUID.fromString("3c2b1a09-f8e7-4d6c-b5a4-938271605f4e"),
					"0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9", "driveway")
			.derived(new DerivedKeys(prefix + "thumb.jpg", prefix + "poster.jpg", prefix + "h264.mp4"))
			.size(768, 576)
			.durationMs(79500)
			.videoCodec("mpeg4")
			.detections(List.of(new Detection("person", 0.77, new BoundingBox(300, 150, 60, 140), 12000L)),
					new DetectorInfo("opencv-hog", "4.9.0"))
			.build(ProcessingStatus.OK, null, 21034, Instant.parse("2016-08-30T13:31:02Z"));
		assertSameAsSample(built, ContractSamples.PROCESSED_VIDEO);
	}

	@Test
	void buildsTheClipSampleWithItsSummary() {
		String prefix = "derived/square/2026/11/25/08/0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9/";
		MediaProcessed built = MediaProcessed
			.processed(UUID.fromString("5d4c3b2a-1908-4f7e-8d6c-5b4a39281706"),
					"0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9", "square")
			.derived(new DerivedKeys(prefix + "thumb.jpg", prefix + "poster.jpg", prefix + "h264.mp4"))
			.size(768, 576)
			.durationMs(79500)
			.videoCodec("msmpeg4v3")
			.detections(
					List.of(new Detection("person", 0.84, new BoundingBox(300, 150, 60, 140), 20000L),
							new Detection("vehicle", 0.61, new BoundingBox(10, 300, 200, 120), 40000L)),
					new DetectorInfo("nanodet-m", "1.0-coco-416"))
			.clip(new ClipSummary(8, 20000L,
					List.of(new ClipSummary.Label("person", 0.84, 20000L,
							List.of(0L, 10000L, 20000L, 30000L, 40000L, 50000L, 60000L, 70000L)),
							new ClipSummary.Label("vehicle", 0.61, 40000L, List.of(40000L)))))
			.ok(8650, Instant.parse("2026-11-25T08:41:12Z"));
		assertSameAsSample(built, ContractSamples.PROCESSED_VIDEO_SUMMARY);
	}

	@Test
	void readsEventsWithoutAClipSummaryAsHavingNone() {
		assertThat(this.json.readValue(ContractSamples.sample(ContractSamples.PROCESSED_VIDEO), MediaProcessed.class)
			.clip()).isNull();
	}

	@Test
	void buildsTheCorruptSample() {
		MediaProcessed built = MediaProcessed.rejected(UUID.fromString("9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"),
				"9f2c1a7d5e4b3c2a1f0e9d8c7b6a5f4e3d2c1b0a99887766554433221100ffee", "backyard",
				ProcessingStatus.CORRUPT, "JPEG ends before its end-of-image marker", 12,
				Instant.parse("2026-11-25T08:40:02Z"));
		assertSameAsSample(built, ContractSamples.PROCESSED_CORRUPT);
		assertThat(built.derived()).isEqualTo(DerivedKeys.NONE);
		assertThat(built.detector()).isNull();
	}

	@Test
	void refusesARejectionWithoutAReasonOrWithStatusOk() {
		UUID id = UUID.randomUUID();
		String media = "a".repeat(64);
		assertThatThrownBy(
				() -> MediaProcessed.rejected(id, media, "cam", ProcessingStatus.OK, "fine", 1, Instant.now()))
			.isInstanceOf(InvalidEventException.class)
			.hasMessageContaining("status");
		assertThatThrownBy(
				() -> MediaProcessed.rejected(id, media, "cam", ProcessingStatus.UNSUPPORTED, " ", 1, Instant.now()))
			.isInstanceOf(InvalidEventException.class)
			.hasMessageContaining("reason is required");
	}

	@Test
	void validatesBuiltEventsLikeEventsReadFromTheWire() {
		assertThatThrownBy(
				() -> MediaProcessed.processed(UUID.randomUUID(), "a".repeat(64), "../cam").ok(1, Instant.now()))
			.isInstanceOf(InvalidEventException.class)
			.hasMessageStartingWith("cameraId ");
		assertThatThrownBy(() -> MediaProcessed.processed(UUID.randomUUID(), "a".repeat(64), "cam")
			.size(0, 10)
			.ok(1, Instant.now())).isInstanceOf(InvalidEventException.class).hasMessageContaining("width");
	}

	private void assertSameAsSample(MediaProcessed built, String sample) {
		MediaProcessed read = this.json.readValue(ContractSamples.sample(sample), MediaProcessed.class);
		assertThat(built).isEqualTo(read);
		JsonNode written = this.json.readTree(this.json.writeValueAsString(built));
		assertThat(written).isEqualTo(this.json.readTree(this.json.writeValueAsString(read)));
		assertHolds(written, this.json.readTree(ContractSamples.sample(sample)), "");
	}

	/**
	 * Every value of the sample is written the same; absent values are written as null.
	 */
	private static void assertHolds(JsonNode written, JsonNode sample, String path) {
		if (sample.isObject()) {
			sample.properties().forEach((field) -> {
				String name = path + "/" + field.getKey();
				assertThat(written.has(field.getKey())).as(name).isTrue();
				assertHolds(written.get(field.getKey()), field.getValue(), name);
			});
		}
		else if (sample.isArray()) {
			assertThat(written.size()).as(path).isEqualTo(sample.size());
			for (int i = 0; i < sample.size(); i++) {
				assertHolds(written.get(i), sample.get(i), path + "/" + i);
			}
		}
		else if (sample.isNumber()) {
			assertThat(written.decimalValue()).as(path).isEqualByComparingTo(sample.decimalValue());
		}
		else {
			assertThat(written).as(path).isEqualTo(sample);
		}
	}

}
