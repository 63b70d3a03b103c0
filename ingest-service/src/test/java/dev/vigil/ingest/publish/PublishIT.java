package dev.vigil.ingest.publish;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.vigil.contracts.CaptureTimeSource;
import dev.vigil.contracts.MediaKind;
import dev.vigil.contracts.MediaUploaded;
import dev.vigil.devstack.Component;
import dev.vigil.devstack.Infrastructure;
import dev.vigil.devstack.VigilInfrastructure;
import dev.vigil.ingest.Sha256;
import dev.vigil.ingest.TestMedia;
import dev.vigil.ingest.ftp.FtpServerLifecycle;
import dev.vigil.ingest.spool.Spool;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Camera to platform: uploads over FTP end up as objects in the real S3 server and events
 * on the real Kafka topic, and outages of either only grow the spool.
 */
@VigilInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "vigil.ingest.ftp.port=0",
		"vigil.ingest.ftp.passive-ports=0", "vigil.ingest.sftp.enabled=false", "vigil.ingest.publish.min-backoff=200ms",
		"vigil.ingest.publish.max-backoff=2s", "vigil.ingest.publish.part-size=5MB", "vigil.ingest.publish.timeout=5s",
		"vigil.ingest.edge-node-id=edge-it", "vigil.ingest.cameras.accounts[0].user=frontdoor",
		"vigil.ingest.cameras.accounts[0].camera-id=frontdoor",
		"vigil.ingest.cameras.accounts[0].password=frontdoor-secret",
		"vigil.ingest.cameras.accounts[0].time-zone=Europe/Berlin", "vigil.ingest.cameras.accounts[1].user=s3fault",
		"vigil.ingest.cameras.accounts[1].camera-id=s3fault",
		"vigil.ingest.cameras.accounts[1].password=s3fault-secret", "vigil.ingest.cameras.accounts[2].user=kafkafault",
		"vigil.ingest.cameras.accounts[2].camera-id=kafkafault",
		"vigil.ingest.cameras.accounts[2].password=kafkafault-secret" })
class PublishIT {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "publish-it")
			.toAbsolutePath();
		registry.add("vigil.ingest.data-dir", dataDir::toString);
	}

	@Autowired
	FtpServerLifecycle ftp;

	@Autowired
	Spool spool;

	@Value("${local.server.port}")
	int httpPort;

	private FTPClient login(String camera) throws IOException {
		FTPClient client = new FTPClient();
		client.connect("127.0.0.1", this.ftp.port());
		assertThat(client.login(camera, camera + "-secret")).isTrue();
		client.setFileType(FTP.BINARY_FILE_TYPE);
		client.enterLocalPassiveMode();
		return client;
	}

	private long pending(String camera) {
		return this.spool.pending().stream().filter((record) -> record.cameraId().equals(camera)).count();
	}

	@Test
	void publishesSnapshotAndMultipartClipToS3AndKafka(Infrastructure infrastructure) throws Exception {
		Path person = TestMedia.file("darknet/person.jpg");
		Path clip = TestMedia.file("opencv/vtest.avi");
		FTPClient client = login("frontdoor");
		client.makeDirectory("FI9821P_00626E5A2B1C/snap");
		client.makeDirectory("FI9821P_00626E5A2B1C/record");
		try (InputStream in = Files.newInputStream(person)) {
			assertThat(client.storeFile("FI9821P_00626E5A2B1C/snap/MDAlarm_20160830-155137.jpg", in)).isTrue();
		}
		try (InputStream in = Files.newInputStream(clip)) {
			assertThat(client.storeFile("FI9821P_00626E5A2B1C/record/MDalarm_20160830_152954.avi", in)).isTrue();
		}
		client.disconnect();

		Published published = new Published(infrastructure);
		Map<String, MediaUploaded> events = byMediaId(published.events(
				(all) -> byMediaId(all, "frontdoor").keySet().containsAll(Set.of(Sha256.of(person), Sha256.of(clip))),
				Duration.ofSeconds(90)), "frontdoor");

		MediaUploaded image = events.get(Sha256.of(person));
		assertThat(image).isNotNull();
		assertThat(image.cameraId()).isEqualTo("frontdoor");
		assertThat(image.edgeNodeId()).isEqualTo("edge-it");
		assertThat(image.sha256()).isEqualTo(Sha256.of(person));
		assertThat(image.kind()).isEqualTo(MediaKind.IMAGE);
		assertThat(image.contentType()).isEqualTo("image/jpeg");
		assertThat(image.sizeBytes()).isEqualTo(Files.size(person));
		assertThat(image.capturedAt()).isEqualTo(Instant.parse("2016-08-30T13:51:37Z"));
		assertThat(image.capturedAtSource()).isEqualTo(CaptureTimeSource.FILENAME);
		assertThat(image.originalPath()).isEqualTo("FI9821P_00626E5A2B1C/snap/MDAlarm_20160830-155137.jpg");
		assertThat(image.bucket()).isEqualTo(infrastructure.s3Bucket());
		assertThat(image.objectKey()).isEqualTo("originals/frontdoor/2016/08/30/13/" + Sha256.of(person) + ".jpg");
		assertThat(published.objectSha256(image.objectKey())).isEqualTo(Sha256.of(person));
		StatObjectResponse stat = published.s3()
			.statObject(StatObjectArgs.builder().bucket(image.bucket()).object(image.objectKey()).build());
		assertThat(stat.contentType()).isEqualTo("image/jpeg");
		assertThat(stat.userMetadata().getFirst("sha256")).isEqualTo(Sha256.of(person));

		MediaUploaded video = events.get(Sha256.of(clip));
		assertThat(video.kind()).isEqualTo(MediaKind.VIDEO);
		assertThat(video.contentType()).isEqualTo("video/x-msvideo");
		assertThat(video.capturedAt()).isEqualTo(Instant.parse("2016-08-30T13:29:54Z"));
		// 8 MB with 5 MB parts: a multipart upload, reassembled byte for byte.
		assertThat(published.objectSha256(video.objectKey())).isEqualTo(Sha256.of(clip));

		await().atMost(Duration.ofSeconds(30)).until(() -> pending("frontdoor") == 0);
		String metrics = get("/actuator/prometheus").body();
		assertThat(metrics).contains("camera=\"frontdoor\",outcome=\"accepted\"} 2.0")
			.contains("vigil_ingest_spool_depth")
			.contains("vigil_ingest_spool_oldest_age_seconds")
			.contains("vigil_ingest_publish_latency_seconds_count")
			.containsPattern("vigil_ingest_upload_bytes_total\\{[^}]*camera=\"frontdoor\"}");
	}

	@Test
	void keepsTakingUploadsWhileS3IsDownAndPublishesEachOnceWhenItIsBack(Infrastructure infrastructure)
			throws Exception {
		List<String> shas = burstDuringOutage(infrastructure, Component.S3, "s3fault");
		assertPublishedExactlyOnce(infrastructure, "s3fault", shas);
	}

	@Test
	void keepsTakingUploadsWhileKafkaIsDownAndPublishesEachOnceWhenItIsBack(Infrastructure infrastructure)
			throws Exception {
		List<String> shas = burstDuringOutage(infrastructure, Component.KAFKA, "kafkafault");
		assertPublishedExactlyOnce(infrastructure, "kafkafault", shas);
	}

	private List<String> burstDuringOutage(Infrastructure infrastructure, Component component, String camera)
			throws Exception {
		List<String> shas = new ArrayList<>();
		infrastructure.stop(component);
		try {
			FTPClient client = login(camera);
			for (int i = 0; i < 12; i++) {
				byte[] bytes = Sha256.variant(TestMedia.file("darknet/dog.jpg"), i + 1);
				assertThat(client.storeFile(String.format("MDAlarm_20160830-1600%02d.jpg", i),
						new ByteArrayInputStream(bytes)))
					.as(client.getReplyString())
					.isTrue();
				assertThat(client.getReplyCode()).isEqualTo(226);
				shas.add(Sha256.of(bytes));
			}
			client.disconnect();
			// Nothing can leave while the outage lasts: the spool holds all of it.
			assertThat(pending(camera)).isEqualTo(12);
			assertThat(get("/actuator/health/readiness").statusCode()).as("backlog is not unreadiness").isEqualTo(200);
		}
		finally {
			infrastructure.start(component);
		}
		return shas;
	}

	private void assertPublishedExactlyOnce(Infrastructure infrastructure, String camera, List<String> shas)
			throws Exception {
		await().atMost(Duration.ofSeconds(120)).until(() -> pending(camera) == 0);
		Published published = new Published(infrastructure);
		List<Published.Keyed> events = published.events((all) -> count(all, camera) >= shas.size(),
				Duration.ofSeconds(60));
		// Give late duplicates a chance to show up before counting.
		events = published.events((all) -> false, Duration.ofSeconds(3));
		Map<String, Long> perHash = events.stream()
			.filter((keyed) -> keyed.event().cameraId().equals(camera))
			.collect(Collectors.groupingBy((keyed) -> keyed.event().sha256(), Collectors.counting()));
		assertThat(perHash.keySet()).containsExactlyInAnyOrderElementsOf(shas);
		assertThat(perHash.values()).allMatch((n) -> n == 1);
		assertThat(events.stream().filter((keyed) -> keyed.event().cameraId().equals(camera)))
			.allMatch((keyed) -> keyed.key().equals(camera));
		assertThat(published.objectKeys("originals/" + camera + "/")).hasSize(shas.size());
	}

	private static long count(List<Published.Keyed> events, String camera) {
		return events.stream().filter((keyed) -> keyed.event().cameraId().equals(camera)).count();
	}

	private static Map<String, MediaUploaded> byMediaId(List<Published.Keyed> events, String camera) {
		return events.stream()
			.map(Published.Keyed::event)
			.filter((event) -> event.cameraId().equals(camera))
			.collect(Collectors.toMap(MediaUploaded::mediaId, Function.identity(), (a, b) -> a));
	}

	private HttpResponse<String> get(String path) throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.httpPort + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
	}

}
