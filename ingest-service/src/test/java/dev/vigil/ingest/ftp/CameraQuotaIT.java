package dev.vigil.ingest.ftp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import dev.vigil.ingest.Sha256;
import dev.vigil.ingest.TestMedia;
import dev.vigil.ingest.quota.StorageUsage;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.io.CopyStreamException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One camera with a stolen password must not be able to fill the edge's disk: its home,
 * quarantine and spooled items together stay within its quota (552 beyond), quarantine
 * and unrenamed temporary files are pruned, and all of it counts toward the spool's
 * high-water mark. The publisher is off, so spooled items stay.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "vigil.ingest.ftp.port=0",
		"vigil.ingest.ftp.passive-ports=0", "vigil.ingest.sftp.enabled=false", "vigil.ingest.publish.enabled=false",
		// Many logins here, none about hashing cost: the lowest allowed work factor.
		"vigil.ingest.cameras.password-iterations=10000", "vigil.ingest.spool.max-size=3MB",
		"vigil.ingest.quota.per-camera=600KB", "vigil.ingest.quota.cameras.shed=5MB",
		"vigil.ingest.quota.cameras.barn=5MB", "vigil.ingest.intake.quarantine-max-bytes=250KB",
		"vigil.ingest.intake.unfinished-max-bytes=550KB", "vigil.ingest.intake.sweep-interval=1s",
		"vigil.ingest.cameras.accounts[0].user=attic", "vigil.ingest.cameras.accounts[0].camera-id=attic",
		"vigil.ingest.cameras.accounts[0].password=attic-secret-1", "vigil.ingest.cameras.accounts[1].user=cellar",
		"vigil.ingest.cameras.accounts[1].camera-id=cellar",
		"vigil.ingest.cameras.accounts[1].password=cellar-secret-1", "vigil.ingest.cameras.accounts[2].user=yard",
		"vigil.ingest.cameras.accounts[2].camera-id=yard", "vigil.ingest.cameras.accounts[2].password=yard-secret-1",
		"vigil.ingest.cameras.accounts[3].user=shed", "vigil.ingest.cameras.accounts[3].camera-id=shed",
		"vigil.ingest.cameras.accounts[3].password=shed-secret-1", "vigil.ingest.cameras.accounts[4].user=barn",
		"vigil.ingest.cameras.accounts[4].camera-id=barn", "vigil.ingest.cameras.accounts[4].password=barn-secret-1",
		"vigil.ingest.cameras.accounts[5].user=garden", "vigil.ingest.cameras.accounts[5].camera-id=garden",
		"vigil.ingest.cameras.accounts[5].password=garden-secret-1" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CameraQuotaIT {

	private static final long QUOTA = 600 * 1024;

	static Path dataDir;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "quota-it").toAbsolutePath();
		registry.add("vigil.ingest.data-dir", dataDir::toString);
	}

	@Autowired
	FtpServerLifecycle ftp;

	@Autowired
	StorageUsage usage;

	private final List<FTPClient> clients = new ArrayList<>();

	private int variant;

	@AfterEach
	void disconnect() throws IOException {
		for (FTPClient client : this.clients) {
			if (client.isConnected()) {
				client.disconnect();
			}
		}
	}

	private FTPClient login(String camera) throws IOException {
		FTPClient client = new FTPClient();
		this.clients.add(client);
		client.connect("127.0.0.1", this.ftp.port());
		assertThat(client.login(camera, camera + "-secret-1")).as(client.getReplyString()).isTrue();
		client.setFileType(FTP.BINARY_FILE_TYPE);
		client.enterLocalPassiveMode();
		return client;
	}

	private static boolean store(FTPClient client, String name, byte[] bytes) throws IOException {
		try {
			return client.storeFile(name, new ByteArrayInputStream(bytes));
		}
		catch (CopyStreamException ex) {
			// Refused mid-transfer: the server stopped reading.
			client.getReply();
			return false;
		}
	}

	private byte[] snapshot() {
		return Sha256.variant(TestMedia.file("darknet/person.jpg"), ++this.variant);
	}

	private static byte[] noise(int size, long seed) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	@Test
	@Order(1)
	void cameraOverItsQuotaGets552WhileOtherCamerasKeepUploading() throws IOException {
		FTPClient attic = login("attic");
		int accepted = 0;
		while (store(attic, "MDAlarm_20160830-1600" + String.format("%02d", accepted) + ".jpg", snapshot())) {
			accepted++;
			assertThat(accepted).as("refused before the quota is passed").isLessThan(10);
		}
		assertThat(attic.getReplyCode()).isEqualTo(552);
		assertThat(attic.getReplyString()).contains("quota");
		assertThat(accepted).isGreaterThanOrEqualTo(3);
		assertThat(this.usage.of("attic").total()).isLessThanOrEqualTo(QUOTA);
		assertThat(attic.sendCommand("ALLO", "100000")).isEqualTo(552);
		FTPClient garden = login("garden");
		assertThat(store(garden, "MDAlarm_20160830-160100.jpg", snapshot())).as(garden.getReplyString()).isTrue();
		assertThat(garden.getReplyCode()).isEqualTo(226);
	}

	@Test
	@Order(2)
	void temporaryNamedFilesCountTowardTheQuota() throws IOException {
		FTPClient cellar = login("cellar");
		assertThat(store(cellar, "MDAlarm_20160830-160200.jpg.part", noise(500 * 1024, 1))).isTrue();
		assertThat(cellar.getReplyString()).contains("kept until renamed");
		assertThat(store(cellar, "MDAlarm_20160830-160201.jpg.part", noise(200 * 1024, 2))).isFalse();
		assertThat(cellar.getReplyCode()).isEqualTo(552);
		assertThat(this.usage.of("cellar").home()).isLessThanOrEqualTo(QUOTA);
	}

	@Test
	@Order(3)
	void quarantineIsPrunedByBytesAndAge() throws IOException {
		FTPClient yard = login("yard");
		for (int i = 0; i < 6; i++) {
			byte[] junk = new byte[100 * 1024];
			Arrays.fill(junk, (byte) ('a' + i));
			assertThat(store(yard, "MDAlarm_20160830-16030" + i + ".jpg", junk)).isFalse();
			assertThat(yard.getReplyCode()).isEqualTo(550);
		}
		Path quarantine = dataDir.resolve("quarantine/yard");
		assertThat(bytes(quarantine)).as("newest kept within quarantine-max-bytes")
			.isPositive()
			.isLessThanOrEqualTo(250 * 1024);
		assertThat(this.usage.of("yard").quarantine()).isEqualTo(bytes(quarantine));
		// A quarantined file older than quarantine-max-age goes at the next sweep.
		Path oldest;
		try (Stream<Path> files = Files.list(quarantine)) {
			oldest = files.sorted().findFirst().orElseThrow();
		}
		Files.setLastModifiedTime(oldest, FileTime.from(Instant.now().minus(Duration.ofDays(30))));
		await().untilAsserted(() -> assertThat(oldest).doesNotExist());
	}

	@Test
	@Order(4)
	void unrenamedTemporaryFilesArePrunedByBytes() throws IOException {
		FTPClient shed = login("shed");
		for (int i = 0; i < 3; i++) {
			assertThat(store(shed, "clip-" + i + ".mp4.part", noise(250 * 1024, 10 + i))).as(shed.getReplyString())
				.isTrue();
		}
		await().untilAsserted(() -> assertThat(this.usage.of("shed").home()).isLessThanOrEqualTo(550 * 1024));
		assertThat(shed.listNames()).contains("clip-2.mp4.part").doesNotContain("clip-0.mp4.part");
	}

	@Test
	@Order(5)
	void bytesOutsideTheSpoolCountTowardItsHighWaterMark() throws IOException {
		FTPClient barn = login("barn");
		int kept = 0;
		while (store(barn, "hoard-" + kept + ".tmp", noise(300 * 1024, 100 + kept))) {
			kept++;
			assertThat(kept).as("452 before the disk fills").isLessThan(20);
		}
		assertThat(barn.getReplyCode()).isEqualTo(452);
		// The spool itself holds far less than its 3 MB: the rest is in homes and
		// quarantine.
		assertThat(this.usage.outsideSpoolBytes()).isGreaterThan(1024 * 1024);
		FTPClient garden = login("garden");
		assertThat(store(garden, "MDAlarm_20160830-160400.jpg", snapshot())).isFalse();
		assertThat(garden.getReplyCode()).isEqualTo(452);
	}

	private static long bytes(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.mapToLong((file) -> file.toFile().length()).sum();
		}
	}

}
