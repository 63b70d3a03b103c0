package dev.vigil.processing.pipeline;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import javax.imageio.ImageIO;

import dev.vigil.contracts.CameraDetection;
import dev.vigil.contracts.CaptureTimeSource;
import dev.vigil.contracts.ClipSummary;
import dev.vigil.contracts.MediaKind;
import dev.vigil.contracts.MediaProcessed;
import dev.vigil.contracts.MediaUploaded;
import dev.vigil.contracts.ProcessingStatus;
import dev.vigil.contracts.Topics;
import dev.vigil.devstack.Infrastructure;
import dev.vigil.devstack.TestMedia;
import dev.vigil.devstack.VigilInfrastructure;
import dev.vigil.processing.image.JpegHeaders;
import dev.vigil.processing.video.Mp4Atoms;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.micrometer.core.instrument.MeterRegistry;
import io.minio.messages.Item;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service against real Kafka and S3 (devstack or Testcontainers): events in,
 * objects and events out.
 */
@VigilInfrastructure
@SpringBootTest(properties = { "vigil.processing.video.sample-interval=10s", "vigil.processing.max-original-size=9MB",
		"spring.cloud.stream.bindings.processMedia-in-0.consumer.back-off-initial-interval=200",
		"spring.cloud.stream.bindings.processMedia-in-0.consumer.back-off-max-interval=500",
		"vigil.processing.detection.platform.retry=500ms" })
class ProcessingIT {

	private static final String UPLOADED = "media.uploaded";

	private static final String PROCESSED = "media.processed";

	private static final String DLQ = "media.uploaded.processing.dlq";

	private static final List<ConsumerRecord<byte[], byte[]>> records = new CopyOnWriteArrayList<>();

	private static Thread collector;

	private static volatile boolean collecting = true;

	private static KafkaProducer<byte[], byte[]> producer;

	private static MinioClient s3;

	@Autowired
	JsonMapper json;

	@Autowired
	MeterRegistry meters;

	@TempDir
	Path dir;

	@TempDir
	static Path state;

	@DynamicPropertySource
	static void lastKnownSettings(DynamicPropertyRegistry registry) {
		registry.add("vigil.processing.detection.platform.settings-file",
				() -> state.resolve("camera-detection.json").toString());
	}

	@BeforeAll
	static void connect(Infrastructure infrastructure) {
		s3 = MinioClient.builder()
			.endpoint(infrastructure.s3Endpoint())
			.credentials(infrastructure.s3AccessKey(), infrastructure.s3SecretKey())
			.region(infrastructure.s3Region())
			.build();
		producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				infrastructure.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(),
				new ByteArraySerializer());
		KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				infrastructure.kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
				"processing-it-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000"), new ByteArrayDeserializer(),
				new ByteArrayDeserializer());
		consumer.subscribe(java.util.regex.Pattern.compile("media\\.processed|media\\.uploaded\\.processing\\.dlq"));
		collector = Thread.ofVirtual().start(() -> {
			try (consumer) {
				while (collecting) {
					consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				}
			}
		});
	}

	@AfterAll
	static void disconnect() throws InterruptedException {
		collecting = false;
		collector.join();
		producer.close();
	}

	@Test
	void appliesACamerasDetectionSettingsFromThePlatformsTopic() throws Exception {
		// The platform (catalog-api) turned people off for this camera.
		CameraDetection settings = new CameraDetection("no-people", null,
				Map.of("person", new CameraDetection.Label(false, null)), List.of(), System.currentTimeMillis(),
				Instant.now(), 1);
		producer
			.send(new ProducerRecord<>(Topics.CAMERA_DETECTION, "no-people".getBytes(StandardCharsets.UTF_8),
					this.json.writeValueAsBytes(settings)))
			.get();
		await().atMost(Duration.ofMinutes(1))
			.until(() -> this.meters.find("vigil.processing.camera.settings")
				.tag("outcome", "applied")
				.counters()
				.stream()
				.mapToDouble(io.micrometer.core.instrument.Counter::count)
				.sum() >= 1);
		assertThat(Files.readString(state.resolve("camera-detection.json"))).contains("no-people");

		MediaProcessed processed = awaitProcessed(
				upload("no-people", TestMedia.file("darknet/person.jpg"), "jpg", "image/jpeg", MediaKind.IMAGE));

		assertThat(processed.status()).isEqualTo(ProcessingStatus.OK);
		assertThat(processed.detector().name()).isEqualTo("nanodet-m");
		assertThat(processed.detections()).extracting(dev.vigil.contracts.Detection::label).doesNotContain("person");
		// The same picture on a camera without platform settings: the woman is found
		// (makesAThumbnailAndFindsThePersonInPersonJpg).
	}

	@Test
	void makesAThumbnailAndFindsThePersonInPersonJpg() throws Exception {
		MediaUploaded event = upload("porch", TestMedia.file("darknet/person.jpg"), "jpg", "image/jpeg",
				MediaKind.IMAGE);
		MediaProcessed processed = awaitProcessed(event);

		assertThat(processed.status()).isEqualTo(ProcessingStatus.OK);
		assertThat(processed.width()).isEqualTo(640);
		assertThat(processed.height()).isEqualTo(424);
		assertThat(processed.detector().name()).isEqualTo("nanodet-m");
		assertThat(processed.maxConfidence("person")).isGreaterThanOrEqualTo(0.5);
		String thumbnail = processed.derived().thumbnail();
		assertThat(thumbnail).isEqualTo("derived/porch/2026/11/25/08/" + event.sha256() + "/thumb.jpg");
		BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(read(thumbnail)));
		assertThat(thumb.getWidth()).isEqualTo(320);
	}

	@Test
	void findsAnimalsAndNobodyInAPictureOfHorses() throws Exception {
		MediaUploaded event = upload("meadow", TestMedia.file("darknet/horses.jpg"), "jpg", "image/jpeg",
				MediaKind.IMAGE);
		MediaProcessed processed = awaitProcessed(event);
		assertThat(processed.status()).isEqualTo(ProcessingStatus.OK);
		assertThat(processed.detections()).isNotEmpty().allSatisfy((d) -> assertThat(d.label()).isEqualTo("animal"));
		assertThat(processed.detector()).isNotNull();
	}

	@Test
	void makesPosterThumbnailAndFastStartH264RenditionOfAClip() throws Exception {
		MediaUploaded event = upload("square", TestMedia.file("opencv/vtest.avi"), "avi", "video/x-msvideo",
				MediaKind.VIDEO);
		MediaProcessed processed = awaitProcessed(event, Duration.ofMinutes(5));

		assertThat(processed.status()).isEqualTo(ProcessingStatus.OK);
		assertThat(processed.width()).isEqualTo(768);
		assertThat(processed.height()).isEqualTo(576);
		assertThat(processed.durationMs()).isEqualTo(79_500);
		assertThat(processed.videoCodec()).startsWith("msmpeg4");
		assertThat(processed.detections()).isNotEmpty()
			.allSatisfy((d) -> assertThat(d.frameMs()).isNotNull().isBetween(0L, 79_500L));
		// The poster is the sampled frame with the best detection, named by the summary.
		ClipSummary clip = processed.clip();
		assertThat(clip.sampledFrames()).isEqualTo(8);
		ClipSummary.Label people = clip.labels().getFirst();
		assertThat(people.label()).isEqualTo("person");
		assertThat(people.maxConfidence()).isEqualTo(processed.maxConfidence("person"));
		assertThat(clip.posterFrameMs()).isEqualTo(people.bestFrameMs());
		assertThat(processed.detections().getFirst().frameMs()).isEqualTo(people.bestFrameMs());
		assertThat(people.frameMs()).hasSizeGreaterThanOrEqualTo(6).contains(people.bestFrameMs());
		assertThat(ImageIO.read(new ByteArrayInputStream(read(processed.derived().poster()))).getWidth())
			.isEqualTo(768);
		assertThat(ImageIO.read(new ByteArrayInputStream(read(processed.derived().thumbnail()))).getWidth())
			.isEqualTo(320);
		Path rendition = Files.write(this.dir.resolve("rendition.mp4"), read(processed.derived().rendition()));
		assertThat(Mp4Atoms.isFastStart(rendition)).isTrue();
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(rendition.toFile())) {
			grabber.start();
			assertThat(grabber.getVideoCodecName()).isEqualTo("h264");
			assertThat(grabber.getLengthInTime() / 1000).isBetween(78_000L, 81_000L);
		}
	}

	@Test
	void answersARedeliveredEventWithTheStoredResultWithoutNewWork() throws Exception {
		MediaUploaded event = upload("gate", TestMedia.file("darknet/dog.jpg"), "jpg", "image/jpeg", MediaKind.IMAGE);
		MediaProcessed first = awaitProcessed(event);
		String thumbnail = first.derived().thumbnail();
		var before = s3.statObject(StatObjectArgs.builder().bucket("vigil-media").object(thumbnail).build());

		publish(event);
		await().atMost(Duration.ofMinutes(2)).until(() -> processed(event).size() == 2);
		List<MediaProcessed> both = processed(event);

		// Two identical events (same id): consumers deduplicate on eventId.
		assertThat(both.get(1)).isEqualTo(both.get(0));
		var after = s3.statObject(StatObjectArgs.builder().bucket("vigil-media").object(thumbnail).build());
		assertThat(after.lastModified()).isEqualTo(before.lastModified());
		assertThat(after.etag()).isEqualTo(before.etag());
		assertThat(keysUnder(thumbnail.substring(0, thumbnail.lastIndexOf('/') + 1))).hasSize(2);
		assertThat(this.meters.counter("vigil.processing.media", "kind", "image", "outcome", "duplicate").count())
			.isGreaterThanOrEqualTo(1);
		assertThat(this.meters.get("vigil.processing.detector.latency").tag("detector", "nanodet-m").timer().count())
			.isPositive();
	}

	@Test
	void deadLettersAnOriginalAboveTheSizeLimitWithoutReadingIt() throws Exception {
		byte[] big = new byte[10 * 1024 * 1024];
		new java.util.Random(42).nextBytes(big);
		MediaUploaded event = upload("porch", big, "mkv", "video/x-matroska", MediaKind.VIDEO);
		ConsumerRecord<byte[], byte[]> dead = awaitDeadLetter(
				(r) -> new String(r.value()).contains(event.eventId().toString()));
		assertThat(header(dead, "x-exception-message")).contains("more than the limit");
		assertThat(processed(event)).isEmpty();
	}

	@Test
	void deadLettersAPoisonEventAndKeepsGoing() throws Exception {
		producer.send(new ProducerRecord<>(UPLOADED, "porch".getBytes(), "{this is not json".getBytes())).get();
		MediaUploaded good = upload("porch", TestMedia.file("darknet/eagle.jpg"), "jpg", "image/jpeg", MediaKind.IMAGE);

		assertThat(awaitProcessed(good).status()).isEqualTo(ProcessingStatus.OK);
		ConsumerRecord<byte[], byte[]> dead = awaitDeadLetter((r) -> new String(r.value()).equals("{this is not json"));
		assertThat(header(dead, "x-exception-message")).contains("not JSON");
		assertThat(header(dead, "x-original-topic")).isEqualTo(UPLOADED);
		assertThat(this.meters.get("vigil.processing.dlq").tag("exception", "PoisonEventException").counter().count())
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void deadLettersAnEventOfANewerSchemaVersion() throws Exception {
		MediaUploaded event = upload("porch", TestMedia.file("opencv/building.jpg"), "jpg", "image/jpeg",
				MediaKind.IMAGE);
		String newer = new String(this.json.writeValueAsBytes(event), StandardCharsets.UTF_8)
			.replace("\"schemaVersion\":1", "\"schemaVersion\":7");
		producer.send(new ProducerRecord<>(UPLOADED, "porch".getBytes(), newer.getBytes())).get();
		ConsumerRecord<byte[], byte[]> dead = awaitDeadLetter((r) -> new String(r.value()).equals(newer));
		assertThat(header(dead, "x-exception-message")).contains("Unsupported schemaVersion 7");
	}

	@Test
	void deadLettersAnItemThatCrashedTheProcessorBeforeInsteadOfStartingItAgain() throws Exception {
		// What five crashed runs (e.g. a decoder bomb killing the JVM) leave behind: the
		// started-runs counter, written before decoding, never removed by a result.
		byte[] content = Files.readAllBytes(TestMedia.file("darknet/giraffe.jpg"));
		String sha = sha256(content);
		byte[] five = "5".getBytes(StandardCharsets.US_ASCII);
		s3.putObject(PutObjectArgs.builder()
			.bucket("vigil-media")
			.object("processing/started/porch/2026/11/25/08/" + sha + "/runs.txt")
			.data(five, five.length)
			.contentType("text/plain")
			.build());
		MediaUploaded event = upload("porch", content, "jpg", "image/jpeg", MediaKind.IMAGE);
		ConsumerRecord<byte[], byte[]> dead = awaitDeadLetter(
				(r) -> new String(r.value()).contains(event.eventId().toString()));
		assertThat(header(dead, "x-exception-message")).contains("started 5 times and never finished");
		assertThat(processed(event)).isEmpty();
	}

	@Test
	void deadLettersAnEventWhoseOriginalIsMissingAfterRetries() throws Exception {
		byte[] content = "never uploaded".getBytes();
		String sha = sha256(content);
		MediaUploaded event = event("porch", "originals/porch/2026/11/25/08/" + sha + ".jpg", sha, content.length,
				"image/jpeg", MediaKind.IMAGE);
		publish(event);
		ConsumerRecord<byte[], byte[]> dead = awaitDeadLetter((r) -> new String(r.value()).contains(sha));
		assertThat(header(dead, "x-exception-message")).contains("Original object not found");
		assertThat(processed(event)).isEmpty();
	}

	@Test
	void reportsATruncatedJpegAsCorrupt() throws Exception {
		byte[] whole = Files.readAllBytes(TestMedia.file("darknet/person.jpg"));
		MediaProcessed processed = awaitProcessed(upload("porch", java.util.Arrays.copyOf(whole, whole.length / 2),
				"jpg", "image/jpeg", MediaKind.IMAGE));
		assertThat(processed.status()).isEqualTo(ProcessingStatus.CORRUPT);
		assertThat(processed.reason()).contains("damaged");
		assertThat(processed.derived().thumbnail()).isNull();
	}

	@Test
	void processesAPngRenamedToJpgByItsContent() throws Exception {
		MediaProcessed processed = awaitProcessed(upload("porch",
				Files.readAllBytes(TestMedia.file("opencv/basketball1.png")), "jpg", "image/jpeg", MediaKind.IMAGE));
		assertThat(processed.status()).isEqualTo(ProcessingStatus.OK);
		assertThat(processed.derived().thumbnail()).isNotNull();
	}

	@Test
	void reportsAnEmptyObjectAsCorrupt() throws Exception {
		String sha = sha256(new byte[0]);
		String key = "originals/porch/2026/11/25/08/" + sha + ".jpg";
		s3.putObject(PutObjectArgs.builder().bucket("vigil-media").object(key).data(new byte[0], 0).build());
		MediaUploaded event = event("porch", key, sha, 1, "image/jpeg", MediaKind.IMAGE);
		publish(event);
		MediaProcessed processed = awaitProcessed(event);
		assertThat(processed.status()).isEqualTo(ProcessingStatus.CORRUPT);
		assertThat(processed.reason()).contains("empty");
	}

	@Test
	void reportsEachBadPictureOnceWithAClearOutcomeAndKeepsGoing() throws Exception {
		byte[] person = Files.readAllBytes(TestMedia.file("darknet/person.jpg"));
		// One camera, so the four bad items and the good one share a partition and run in
		// order: the good one is processed only after every bad one has a result.
		MediaUploaded truncated = upload("yard", java.util.Arrays.copyOf(person, person.length / 3), "jpg",
				"image/jpeg", MediaKind.IMAGE);
		String emptySha = sha256(new byte[0]);
		String emptyKey = "originals/yard/2026/11/25/08/" + emptySha + ".jpg";
		s3.putObject(PutObjectArgs.builder().bucket("vigil-media").object(emptyKey).data(new byte[0], 0).build());
		MediaUploaded empty = event("yard", emptyKey, emptySha, 1, "image/jpeg", MediaKind.IMAGE);
		publish(empty);
		MediaUploaded huge = upload("yard", JpegHeaders.withDimensions(person, 65000, 65000), "jpg", "image/jpeg",
				MediaKind.IMAGE);
		MediaUploaded text = upload("yard", "%PDF-1.4 not a picture at all\n".repeat(50).getBytes(), "jpg",
				"image/jpeg", MediaKind.IMAGE);
		MediaUploaded good = upload("yard", TestMedia.file("darknet/horses.jpg"), "jpg", "image/jpeg", MediaKind.IMAGE);

		assertThat(awaitProcessed(good).status()).isEqualTo(ProcessingStatus.OK);
		assertOutcome(truncated, ProcessingStatus.CORRUPT, "damaged");
		assertOutcome(empty, ProcessingStatus.CORRUPT, "empty");
		assertOutcome(huge, ProcessingStatus.UNSUPPORTED, "65000x65000");
		assertOutcome(text, ProcessingStatus.UNSUPPORTED, "Not an image format");
		for (MediaUploaded bad : List.of(truncated, empty, huge, text)) {
			// A result, not a retry: nothing dead-lettered and no started-runs counter
			// left.
			assertThat(records).noneMatch((r) -> r.topic().equals(DLQ) && new String(r.value()).contains(bad.sha256()));
			assertThat(keysUnder("processing/started/yard/2026/11/25/08/" + bad.sha256() + "/")).isEmpty();
		}
	}

	private void assertOutcome(MediaUploaded event, ProcessingStatus status, String reason) {
		List<MediaProcessed> results = processed(event);
		assertThat(results).as(event.objectKey()).hasSize(1);
		MediaProcessed result = results.getFirst();
		assertThat(result.status()).as(event.objectKey()).isEqualTo(status);
		assertThat(result.reason()).as(event.objectKey()).containsIgnoringCase(reason);
		assertThat(result.derived().thumbnail()).isNull();
		assertThat(result.detections()).isEmpty();
	}

	@Test
	void reportsAClipWithoutFramesAsCorrupt() throws Exception {
		byte[] avi = Files.readAllBytes(TestMedia.file("opencv/vtest.avi"));
		MediaProcessed processed = awaitProcessed(
				upload("square", headerOnly(avi), "avi", "video/x-msvideo", MediaKind.VIDEO));
		assertThat(processed.status()).isEqualTo(ProcessingStatus.CORRUPT);
		assertThat(processed.derived().rendition()).isNull();
	}

	private static byte[] headerOnly(byte[] avi) {
		byte[] movi = "movi".getBytes();
		outer: for (int i = 0; i + 4 <= avi.length; i++) {
			for (int j = 0; j < 4; j++) {
				if (avi[i + j] != movi[j]) {
					continue outer;
				}
			}
			return java.util.Arrays.copyOf(avi, i + 4);
		}
		throw new IllegalArgumentException("no movi list");
	}

	private MediaUploaded upload(String camera, Path file, String ext, String contentType, MediaKind kind)
			throws Exception {
		return upload(camera, Files.readAllBytes(file), ext, contentType, kind);
	}

	private MediaUploaded upload(String camera, byte[] content, String ext, String contentType, MediaKind kind)
			throws Exception {
		String sha = sha256(content);
		String key = "originals/" + camera + "/2026/11/25/08/" + sha + "." + ext;
		s3.putObject(PutObjectArgs.builder()
			.bucket("vigil-media")
			.object(key)
			.data(content, content.length)
			.contentType(contentType)
			.build());
		MediaUploaded event = event(camera, key, sha, content.length, contentType, kind);
		publish(event);
		return event;
	}

	private static MediaUploaded event(String camera, String key, String sha, long size, String contentType,
			MediaKind kind) {
		return new MediaUploaded(UUID.randomUUID(), sha, "edge-it", camera, key, "vigil-media", contentType, size, sha,
				camera + "/snap/upload", null, CaptureTimeSource.RECEIVED, Instant.now(), kind, 1);
	}

	private void publish(MediaUploaded event) throws Exception {
		producer.send(new ProducerRecord<>(UPLOADED, event.cameraId().getBytes(), this.json.writeValueAsBytes(event)))
			.get();
	}

	private MediaProcessed awaitProcessed(MediaUploaded event) {
		return awaitProcessed(event, Duration.ofMinutes(2));
	}

	private MediaProcessed awaitProcessed(MediaUploaded event, Duration timeout) {
		await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> !processed(event).isEmpty());
		return processed(event).getFirst();
	}

	private List<MediaProcessed> processed(MediaUploaded event) {
		List<MediaProcessed> found = new ArrayList<>();
		for (ConsumerRecord<byte[], byte[]> r : records) {
			if (r.topic().equals(PROCESSED)) {
				MediaProcessed p = this.json.readValue(r.value(), MediaProcessed.class);
				if (p.mediaId().equals(event.mediaId()) && p.cameraId().equals(event.cameraId())) {
					assertThat(new String(r.key())).isEqualTo(event.cameraId());
					found.add(p);
				}
			}
		}
		return found;
	}

	private static ConsumerRecord<byte[], byte[]> awaitDeadLetter(Predicate<ConsumerRecord<byte[], byte[]>> which) {
		await().atMost(Duration.ofMinutes(2))
			.until(() -> records.stream().anyMatch((r) -> r.topic().equals(DLQ) && which.test(r)));
		return records.stream().filter((r) -> r.topic().equals(DLQ) && which.test(r)).findFirst().orElseThrow();
	}

	private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : "";
	}

	private static byte[] read(String key) throws Exception {
		try (InputStream in = s3.getObject(GetObjectArgs.builder().bucket("vigil-media").object(key).build())) {
			return in.readAllBytes();
		}
	}

	private static List<String> keysUnder(String prefix) throws Exception {
		List<String> keys = new ArrayList<>();
		for (Result<Item> item : s3
			.listObjects(ListObjectsArgs.builder().bucket("vigil-media").prefix(prefix).recursive(true).build())) {
			keys.add(item.get().objectName());
		}
		return keys;
	}

	private static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

}
