package dev.vigil.catalog.it;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.vigil.contracts.MediaKind;
import dev.vigil.contracts.MotionEventChange;
import dev.vigil.contracts.MotionEventChanged;
import dev.vigil.contracts.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The life of a motion event on the real broker: what notification-service reads.
 */
class MotionEventsIT extends CatalogIT {

	private static final Instant T0 = Instant.parse("2026-11-21T02:04:05Z");

	private KafkaConsumer<String, String> consumer;

	private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

	@BeforeEach
	void subscribe() {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer());
		this.consumer.subscribe(List.of(Topics.MOTION_EVENTS));
	}

	@AfterEach
	void close() {
		this.consumer.close(Duration.ofSeconds(5));
	}

	@Test
	void anEventOpensGainsAPersonAndClosesAfterTheQuietGap() {
		String camera = WireEvents.camera("motion");
		String first = WireEvents.mediaId();
		String second = WireEvents.mediaId();
		wire.uploaded(WireEvents.upload(camera, first, T0, MediaKind.IMAGE));
		wire.uploaded(WireEvents.upload(camera, second, T0.plusSeconds(2), MediaKind.IMAGE));
		wire.processed(WireEvents.processed(camera, first, 0.62, T0.plusSeconds(5)));
		wire.processed(WireEvents.processed(camera, second, 0.93, T0.plusSeconds(6)));
		// A lower score than the best one is no news.
		String third = WireEvents.mediaId();
		wire.uploaded(WireEvents.upload(camera, third, T0.plusSeconds(4), MediaKind.IMAGE));
		wire.processed(WireEvents.processed(camera, third, 0.40, T0.plusSeconds(7)));

		List<MotionEventChanged> records = eventually(() -> records(camera),
				(list) -> !list.isEmpty() && list.getLast().type() == MotionEventChange.CLOSED);
		MotionEventChanged opened = records.getFirst();
		assertThat(opened.type()).isEqualTo(MotionEventChange.OPENED);
		assertThat(opened.revision()).isEqualTo(1);
		assertThat(opened.motionEventId()).isEqualTo(camera + "." + T0.toEpochMilli());
		assertThat(records).extracting(MotionEventChanged::revision)
			.as("one revision after another, none twice")
			.isSorted()
			.doesNotHaveDuplicates();
		assertThat(records).filteredOn((r) -> r.type() == MotionEventChange.OPENED).hasSize(1);

		MotionEventChanged closed = records.getLast();
		assertThat(closed.mediaCount()).isEqualTo(3);
		assertThat(closed.end()).isEqualTo(T0.plusSeconds(4));
		assertThat(closed.label("person")).hasValueSatisfying((person) -> {
			assertThat(person.score()).isEqualTo(0.93);
			assertThat(person.snapshot().mediaId()).isEqualTo(camera + "." + second);
			assertThat(person.snapshot().objectKey()).isEqualTo("derived/" + camera + "/" + second + "/thumb.jpg");
		});
		List<Double> personScores = records.stream()
			.filter((r) -> r.type() == MotionEventChange.UPDATED)
			.map((r) -> r.label("person").orElseThrow().score())
			.toList();
		assertThat(personScores).as("an update only for a new label or a higher score").isSorted().doesNotContain(0.40);
		assertThat(this.seen).allSatisfy((record) -> assertThat(record.key()).isEqualTo(camera));
	}

	@Test
	void aLateUploadThatMergesTwoEventsClosesTheOneMergedAway() {
		String camera = WireEvents.camera("merge");
		wire.uploaded(WireEvents.upload(camera, WireEvents.mediaId(), T0, MediaKind.IMAGE));
		wire.uploaded(WireEvents.upload(camera, WireEvents.mediaId(), T0.plusSeconds(100), MediaKind.IMAGE));
		eventually(() -> records(camera),
				(list) -> list.stream().filter((r) -> r.type() == MotionEventChange.OPENED).count() == 2);
		wire.uploaded(WireEvents.upload(camera, WireEvents.mediaId(), T0.plusSeconds(50), MediaKind.IMAGE));

		String later = camera + "." + T0.plusSeconds(100).toEpochMilli();
		List<MotionEventChanged> records = eventually(() -> records(camera),
				(list) -> list.stream().filter((r) -> r.type() == MotionEventChange.CLOSED).count() == 2);
		MotionEventChanged mergedAway = records.stream()
			.filter((r) -> r.motionEventId().equals(later) && r.type() == MotionEventChange.CLOSED)
			.findFirst()
			.orElseThrow();
		assertThat(mergedAway.revision()).isEqualTo(2);
		MotionEventChanged survivor = records.stream()
			.filter((r) -> r.motionEventId().equals(camera + "." + T0.toEpochMilli())
					&& r.type() == MotionEventChange.CLOSED)
			.findFirst()
			.orElseThrow();
		assertThat(survivor.mediaCount()).isEqualTo(3);
	}

	private List<MotionEventChanged> records(String camera) {
		this.consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
			if (camera.equals(record.key())) {
				this.seen.add(record);
			}
		});
		return this.seen.stream()
			.map((record) -> Api.JSON.readValue(record.value(), MotionEventChanged.class))
			.toList();
	}

}
