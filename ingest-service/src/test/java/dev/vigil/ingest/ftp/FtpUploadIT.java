package dev.vigil.ingest.ftp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import dev.vigil.contracts.CaptureTimeSource;
import dev.vigil.contracts.MediaKind;
import dev.vigil.ingest.Sha256;
import dev.vigil.ingest.TestMedia;
import dev.vigil.ingest.spool.Spool;
import dev.vigil.ingest.spool.SpoolRecord;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.apache.commons.net.io.CopyStreamException;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;
import org.apache.commons.net.util.TrustManagerUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Drives the embedded FTP server with real clients (commons-net and curl) and checks what
 * lands in the spool. The publisher is off here, so the spool keeps everything for
 * inspection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "vigil.ingest.ftp.port=0",
		"vigil.ingest.ftp.passive-ports=0", "vigil.ingest.sftp.enabled=false", "vigil.ingest.publish.enabled=false",
		// Many logins here, none about hashing cost: the lowest allowed work factor.
		"vigil.ingest.cameras.password-iterations=10000", "vigil.ingest.intake.max-file-size=2MB",
		"vigil.ingest.login.max-failures=3", "vigil.ingest.ftp.login-timeout=10s",
		"vigil.ingest.ftp.max-pre-login-per-source=4", "vigil.ingest.cameras.accounts[0].user=driveway",
		"vigil.ingest.cameras.accounts[0].camera-id=driveway",
		"vigil.ingest.cameras.accounts[0].password=driveway-secret-1",
		"vigil.ingest.cameras.accounts[0].time-zone=Europe/Berlin", "vigil.ingest.cameras.accounts[1].user=garden",
		"vigil.ingest.cameras.accounts[1].camera-id=garden",
		"vigil.ingest.cameras.accounts[1].password=garden-secret-1", "vigil.ingest.cameras.accounts[2].user=porch",
		"vigil.ingest.cameras.accounts[2].camera-id=porch", "vigil.ingest.cameras.accounts[2].password=porch-secret-1",
		"vigil.ingest.cameras.accounts[3].user=gate", "vigil.ingest.cameras.accounts[3].camera-id=gate",
		"vigil.ingest.cameras.accounts[3].password=gate-secret-1",
		"vigil.ingest.cameras.accounts[3].require-tls=true" })
class FtpUploadIT {

	static Path dataDir;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "ftp-it").toAbsolutePath();
		registry.add("vigil.ingest.data-dir", dataDir::toString);
	}

	@Autowired
	FtpServerLifecycle ftp;

	@Autowired
	Spool spool;

	@Autowired
	MeterRegistry meters;

	private final List<FTPClient> clients = new java.util.ArrayList<>();

	@AfterEach
	void disconnect() throws IOException {
		for (FTPClient client : this.clients) {
			if (client.isConnected()) {
				client.disconnect();
			}
		}
	}

	private FTPClient login(String user, String password) throws IOException {
		FTPClient client = new FTPClient();
		this.clients.add(client);
		client.connect("127.0.0.1", this.ftp.port());
		assertThat(client.login(user, password)).as(client.getReplyString()).isTrue();
		client.setFileType(FTP.BINARY_FILE_TYPE);
		client.enterLocalPassiveMode();
		return client;
	}

	private FTPClient driveway() throws IOException {
		return login("driveway", "driveway-secret-1");
	}

	private static void mkdirChain(FTPClient client, String... segments) throws IOException {
		for (String segment : segments) {
			client.makeDirectory(segment);
			assertThat(client.changeWorkingDirectory(segment)).as(client.getReplyString()).isTrue();
		}
	}

	private SpoolRecord spooled(String sha256) {
		return this.spool.pending()
			.stream()
			.filter((record) -> record.sha256().equals(sha256))
			.findFirst()
			.orElseThrow(() -> new AssertionError("not in spool: " + sha256));
	}

	private static boolean store(FTPClient client, String name, byte[] bytes) throws IOException {
		return client.storeFile(name, new ByteArrayInputStream(bytes));
	}

	@Test
	void takesFoscamSnapshotAfterMkdChainBefore226() throws IOException {
		FTPClient client = driveway();
		mkdirChain(client, "FI9821P_00626E5A2B1C", "snap");
		Path person = TestMedia.file("darknet/person.jpg");
		try (InputStream in = Files.newInputStream(person)) {
			assertThat(client.storeFile("MDAlarm_20160830-155137.jpg", in)).isTrue();
		}
		assertThat(client.getReplyCode()).isEqualTo(226);
		// 226 came back, so the upload must already be durable in the spool.
		SpoolRecord record = spooled(Sha256.of(person));
		assertThat(record.cameraId()).isEqualTo("driveway");
		assertThat(record.kind()).isEqualTo(MediaKind.IMAGE);
		assertThat(record.contentType()).isEqualTo("image/jpeg");
		assertThat(record.capturedAt()).isEqualTo(Instant.parse("2016-08-30T13:51:37Z"));
		assertThat(record.capturedAtSource()).isEqualTo(CaptureTimeSource.FILENAME);
		assertThat(record.originalPath()).isEqualTo("FI9821P_00626E5A2B1C/snap/MDAlarm_20160830-155137.jpg");
		assertThat(record.sizeBytes()).isEqualTo(Files.size(person));
		assertThat(this.spool.object(record)).hasSameBinaryContentAs(person);
		// What cameras check after an upload.
		assertThat(client.sendCommand("SIZE", "MDAlarm_20160830-155137.jpg")).isEqualTo(213);
		assertThat(client.getReplyString()).contains(String.valueOf(Files.size(person)));
		assertThat(client.getModificationTime("MDAlarm_20160830-155137.jpg")).isNotNull();
		assertThat(client.listNames()).contains("MDAlarm_20160830-155137.jpg");
		assertThat(Arrays.stream(client.listFiles()).map((f) -> f.getName())).contains("MDAlarm_20160830-155137.jpg");
		assertThat(client.logout()).isTrue();
	}

	@Test
	void takesVideoInActiveMode() throws IOException {
		FTPClient client = driveway();
		client.enterLocalActiveMode();
		client.setActiveExternalIPAddress("127.0.0.1");
		mkdirChain(client, "FI9821P_00626E5A2B1C", "record");
		Path clip = TestMedia.file("opencv/Megamind.avi");
		try (InputStream in = Files.newInputStream(clip)) {
			assertThat(client.storeFile("MDalarm_20160830_152954.avi", in)).as(client.getReplyString()).isTrue();
		}
		SpoolRecord record = spooled(Sha256.of(clip));
		assertThat(record.kind()).isEqualTo(MediaKind.VIDEO);
		assertThat(record.contentType()).isEqualTo("video/x-msvideo");
		assertThat(record.capturedAt()).isEqualTo(Instant.parse("2016-08-30T13:29:54Z"));
	}

	@Test
	void takesUploadOverExplicitFtps() throws IOException {
		FTPSClient client = new FTPSClient(false);
		this.clients.add(client);
		client.setTrustManager(TrustManagerUtils.getAcceptAllTrustManager());
		client.connect("127.0.0.1", this.ftp.port());
		assertThat(client.login("driveway", "driveway-secret-1")).isTrue();
		client.execPBSZ(0);
		client.execPROT("P");
		client.setFileType(FTP.BINARY_FILE_TYPE);
		client.enterLocalPassiveMode();
		byte[] bytes = Sha256.variant(TestMedia.file("darknet/dog.jpg"), 1);
		assertThat(store(client, "000DC5D4D0F7(downdown)_1_20160830154350_5219.jpg", bytes)).as(client.getReplyString())
			.isTrue();
		SpoolRecord record = spooled(Sha256.of(bytes));
		assertThat(record.capturedAt()).isEqualTo(Instant.parse("2016-08-30T13:43:50Z"));
	}

	@Test
	void refusesCleartextLoginOfACameraThatRequiresTls() throws IOException {
		FTPClient plain = new FTPClient();
		this.clients.add(plain);
		plain.connect("127.0.0.1", this.ftp.port());
		assertThat(plain.login("gate", "gate-secret-1")).isFalse();
		assertThat(plain.getReplyCode()).isEqualTo(530);
		assertThat(plain.getReplyString()).contains("TLS required");
		FTPSClient secure = new FTPSClient(false);
		this.clients.add(secure);
		secure.setTrustManager(TrustManagerUtils.getAcceptAllTrustManager());
		secure.connect("127.0.0.1", this.ftp.port());
		assertThat(secure.login("gate", "gate-secret-1")).as(secure.getReplyString()).isTrue();
		assertThat(driveway().printWorkingDirectory()).as("other cameras follow the global setting").isEqualTo("/");
	}

	@Test
	void takesTemporaryNameOnlyAtRename() throws IOException {
		FTPClient client = driveway();
		mkdirChain(client, "cam", "snap");
		byte[] bytes = Sha256.variant(TestMedia.file("darknet/horses.jpg"), 2);
		int depth = this.spool.depth();
		assertThat(store(client, "MDAlarm_20160830-160000.jpg.tmp", bytes)).isTrue();
		assertThat(this.spool.depth()).as("not taken at STOR").isEqualTo(depth);
		assertThat(client.rename("MDAlarm_20160830-160000.jpg.tmp", "MDAlarm_20160830-160000.jpg")).isTrue();
		assertThat(client.getReplyCode()).isEqualTo(250);
		assertThat(spooled(Sha256.of(bytes)).originalPath()).isEqualTo("cam/snap/MDAlarm_20160830-160000.jpg");
	}

	@Test
	void appendsToTemporaryFileThenTakesAtRename() throws IOException {
		FTPClient client = driveway();
		byte[] bytes = Sha256.variant(TestMedia.file("darknet/eagle.jpg"), 3);
		int half = bytes.length / 2;
		assertThat(store(client, "upload.part", Arrays.copyOf(bytes, half))).isTrue();
		assertThat(client.appendFile("upload.part", new ByteArrayInputStream(bytes, half, bytes.length - half)))
			.isTrue();
		assertThat(client.rename("upload.part", "MDAlarm_20160830-161000.jpg")).isTrue();
		assertThat(spooled(Sha256.of(bytes)).sizeBytes()).isEqualTo(bytes.length);
	}

	@Test
	void takesWholeFileSentWithAppe() throws IOException {
		FTPClient client = driveway();
		byte[] bytes = Sha256.variant(TestMedia.file("darknet/scream.jpg"), 4);
		assertThat(client.appendFile("appe.jpg", new ByteArrayInputStream(bytes))).as(client.getReplyString()).isTrue();
		spooled(Sha256.of(bytes));
	}

	@Test
	void answersAlloSanely() throws IOException {
		FTPClient client = driveway();
		assertThat(client.allocate(120_000)).isTrue();
		assertThat(client.getReplyCode()).isEqualTo(200);
		assertThat(client.sendCommand("ALLO", "999999999999")).isEqualTo(552);
		assertThat(client.sendCommand("ALLO", "-5")).as("a negative size is a syntax error").isEqualTo(501);
		assertThat(client.sendCommand("ALLO", "lots")).isEqualTo(501);
		byte[] bytes = Sha256.variant(TestMedia.file("darknet/person.jpg"), 5);
		assertThat(client.allocate(bytes.length)).isTrue();
		assertThat(store(client, "after-allo.jpg", bytes)).isTrue();
	}

	@Test
	void takesStouUnderAUniqueName() throws IOException {
		FTPClient client = driveway();
		byte[] bytes = Sha256.variant(TestMedia.file("darknet/person.jpg"), 6);
		assertThat(client.storeUniqueFile(new ByteArrayInputStream(bytes))).as(client.getReplyString()).isTrue();
		assertThat(spooled(Sha256.of(bytes)).originalPath()).startsWith("stou-");
	}

	@Test
	void acknowledgesDuplicateWithoutSpoolingItAgain() throws IOException {
		FTPClient client = driveway();
		byte[] bytes = Sha256.variant(TestMedia.file("darknet/person.jpg"), 7);
		assertThat(store(client, "first.jpg", bytes)).isTrue();
		int depth = this.spool.depth();
		assertThat(store(client, "again.jpg", bytes)).isTrue();
		assertThat(client.getReplyString()).contains("duplicate");
		assertThat(this.spool.depth()).isEqualTo(depth);
		// The same bytes from another camera are that camera's evidence.
		FTPClient garden = login("garden", "garden-secret-1");
		assertThat(store(garden, "first.jpg", bytes)).isTrue();
		assertThat(this.spool.depth()).isEqualTo(depth + 1);
	}

	@Test
	void deletesOwnFile() throws IOException {
		FTPClient client = driveway();
		byte[] bytes = Sha256.variant(TestMedia.file("darknet/person.jpg"), 8);
		assertThat(store(client, "mistake.jpg", bytes)).isTrue();
		assertThat(client.deleteFile("mistake.jpg")).isTrue();
		assertThat(client.listNames()).doesNotContain("mistake.jpg");
		// Evidence already taken stays in the spool.
		spooled(Sha256.of(bytes));
	}

	@Test
	void quarantinesEmptyTruncatedAndNonMediaFiles() throws IOException {
		FTPClient client = driveway();
		int depth = this.spool.depth();
		assertThat(store(client, "MDAlarm_20160830-170000.jpg", new byte[0])).isFalse();
		assertThat(client.getReplyCode()).isEqualTo(550);
		byte[] person = Files.readAllBytes(TestMedia.file("darknet/person.jpg"));
		assertThat(store(client, "MDAlarm_20160830-170001.jpg", Arrays.copyOf(person, person.length / 2))).isFalse();
		assertThat(client.getReplyString()).contains("incomplete");
		assertThat(store(client, "MDAlarm_20160830-170002.jpg", "<?php system($_GET['c']); ?>".getBytes())).isFalse();
		assertThat(client.getReplyString()).contains("not an image or video");
		assertThat(this.spool.depth()).isEqualTo(depth);
		try (Stream<Path> quarantined = Files.list(dataDir.resolve("quarantine/driveway"))) {
			assertThat(quarantined.map((p) -> p.getFileName().toString())).anyMatch((n) -> n.contains("-empty-"))
				.anyMatch((n) -> n.contains("-truncated-"))
				.anyMatch((n) -> n.contains("-not-media-"));
		}
		assertThat(this.meters.get("vigil.ingest.quarantined").tag("reason", "truncated").counter().count())
			.isGreaterThanOrEqualTo(1);
		assertThat(client.listNames()).doesNotContain("MDAlarm_20160830-170001.jpg");
	}

	@Test
	void refusesUploadOverSizeLimitAndKeepsNothing() throws IOException {
		FTPClient client = driveway();
		try (InputStream in = Files.newInputStream(TestMedia.file("opencv/vtest.avi"))) {
			assertThat(client.storeFile("MDalarm_20160830_152954.avi", in)).isFalse();
		}
		catch (CopyStreamException ex) {
			// The server stops reading at the limit; the client notices a broken pipe.
			client.getReply();
		}
		assertThat(client.getReplyCode()).isEqualTo(552);
		assertThat(client.listNames()).doesNotContain("MDalarm_20160830_152954.avi");
		assertThat(inProgressFiles()).isEmpty();
	}

	@Test
	void discardsUploadInterruptedMidTransfer() throws IOException {
		FTPClient client = driveway();
		int depth = this.spool.depth();
		byte[] bytes = Files.readAllBytes(TestMedia.file("darknet/kite.jpg"));
		OutputStream out = client.storeFileStream("MDAlarm_20160830-180000.jpg");
		out.write(bytes, 0, bytes.length / 3);
		out.flush();
		// The camera loses its link: control and data connections drop.
		client.disconnect();
		out.close();
		org.awaitility.Awaitility.await()
			.untilAsserted(() -> assertThat(this.meters.find("vigil.ingest.uploads")
				.tag("camera", "driveway")
				.counters()
				.stream()
				.map((counter) -> counter.getId().getTag("outcome")))
				.containsAnyOf("aborted", "quarantined-truncated"));
		assertThat(this.spool.depth()).isEqualTo(depth);
		assertThat(inProgressFiles()).isEmpty();
	}

	@Test
	void keepsEveryPathInsideTheCamerasHome() throws IOException {
		FTPClient client = driveway();
		byte[] bytes = Sha256.variant(TestMedia.file("darknet/person.jpg"), 9);
		for (String name : List.of("../../escape-1.jpg", "/../../../escape-2.jpg", "..\\..\\escape-3.jpg",
				"/etc/escape-4.jpg")) {
			store(client, name, Sha256.variant(TestMedia.file("darknet/person.jpg"), 10 + name.length()));
		}
		try (Stream<Path> all = Files.walk(dataDir)) {
			assertThat(all.filter((p) -> p.getFileName().toString().startsWith("escape-")))
				.allMatch((p) -> p.startsWith(dataDir.resolve("homes/driveway")));
		}
		assertThat(client.changeWorkingDirectory("../garden")).isFalse();
		assertThat(store(client, "nul\u0000.jpg", bytes)).isFalse();
		assertThat(store(client, "x".repeat(300) + ".jpg", bytes)).isFalse();
		assertThat(client.getReplyCode()).isEqualTo(553);
	}

	/** Lock-out tests come from 127.0.0.2 so the other tests' source stays unlocked. */
	private FTPClient fromOtherSource() throws IOException {
		FTPClient client = new FTPClient();
		this.clients.add(client);
		client.connect(java.net.InetAddress.getByName("127.0.0.1"), this.ftp.port(),
				java.net.InetAddress.getByName("127.0.0.2"), 0);
		return client;
	}

	@Test
	void refusesPassiveDataConnectionFromAnotherAddress() throws IOException {
		FTPClient camera = driveway();
		mkdirChain(camera, "hijack", "snap");
		assertThat(camera.sendCommand("PASV")).isEqualTo(227);
		String reply = camera.getReplyString();
		String[] numbers = reply.substring(reply.indexOf('(') + 1, reply.indexOf(')')).split(",");
		int port = Integer.parseInt(numbers[4].trim()) * 256 + Integer.parseInt(numbers[5].trim());
		byte[] forged = Sha256.variant(TestMedia.file("darknet/person.jpg"), 3999);
		int depth = this.spool.depth();
		try (java.net.Socket attacker = new java.net.Socket(java.net.InetAddress.getByName("127.0.0.1"), port,
				java.net.InetAddress.getByName("127.0.0.2"), 0)) {
			// The attacker reaches the announced port before the camera does and sends
			// its bytes.
			attacker.getOutputStream().write(forged);
			attacker.getOutputStream().flush();
			int store = camera.sendCommand("STOR", "MDAlarm_20160830-155140.jpg");
			if (FTPReply.isPositivePreliminary(store)) {
				camera.completePendingCommand();
			}
			// 425/426: the data connection from the other address is closed, the transfer
			// fails.
			assertThat(camera.getReplyCode()).as(camera.getReplyString()).isIn(425, 426);
		}
		assertThat(this.spool.depth()).as("nothing stored from the other address").isEqualTo(depth);
		assertThat(this.spool.pending()).noneMatch((record) -> record.sha256().equals(Sha256.of(forged)));
		// The camera's own upload on the same session still works afterwards.
		byte[] own = Sha256.variant(TestMedia.file("darknet/person.jpg"), 42);
		assertThat(store(camera, "MDAlarm_20160830-155141.jpg", own)).as(camera.getReplyString()).isTrue();
		spooled(Sha256.of(own));
	}

	@Test
	void rejectsWrongPasswordUnknownUserAndLocksOutTheSource() throws IOException {
		FTPClient client = fromOtherSource();
		assertThat(client.login("driveway", "wrong")).isFalse();
		assertThat(client.getReplyCode()).isEqualTo(530);
		assertThat(client.login("nobody", "driveway-secret-1")).isFalse();
		assertThat(client.getReplyCode()).isEqualTo(530);
		FTPClient again = fromOtherSource();
		assertThat(again.login("driveway", "wrong-again")).isFalse();
		// Three failures from 127.0.0.1: even the right password is refused now.
		assertThatExceptionOfType(FTPConnectionClosedException.class).isThrownBy(this::fromOtherSource)
			.withMessageContaining("421");
		assertThat(driveway().printWorkingDirectory()).as("other sources are unaffected").isEqualTo("/");
		assertThat(this.meters.get("vigil.ingest.logins.rejected").tag("reason", "bad_password").counter().count())
			.isGreaterThanOrEqualTo(2);
	}

	private FTPClient from(String source) throws IOException {
		FTPClient client = new FTPClient();
		this.clients.add(client);
		client.connect(java.net.InetAddress.getByName("127.0.0.1"), this.ftp.port(),
				java.net.InetAddress.getByName(source), 0);
		return client;
	}

	@Test
	void ownCameraLoginBetweenGuessesDoesNotClearTheSourcesFailures() throws IOException {
		// The attacker holds garden's password and guesses driveway's, logging in as
		// garden after every guess.
		FTPClient attacker = null;
		for (int guess = 0; guess < 3; guess++) {
			attacker = from("127.0.0.3");
			assertThat(attacker.login("driveway", "guess-" + guess)).isFalse();
			assertThat(attacker.getReplyCode()).isEqualTo(530);
			if (guess < 2) {
				assertThat(attacker.login("garden", "garden-secret-1")).as(attacker.getReplyString()).isTrue();
				attacker.disconnect();
			}
		}
		// Third guess: the source is locked, garden's correct login did not help.
		FTPClient locked = attacker;
		assertThatExceptionOfType(FTPConnectionClosedException.class)
			.isThrownBy(() -> locked.login("garden", "garden-secret-1"))
			.withMessageContaining("421");
		assertThatExceptionOfType(FTPConnectionClosedException.class).isThrownBy(() -> from("127.0.0.3"))
			.withMessageContaining("421");
	}

	@Test
	void guessesSpreadOverManySourcesLockTheAccountButNotTheCamerasOwnSource() throws IOException {
		assertThat(login("porch", "porch-secret-1").logout()).isTrue();
		for (int source = 10; source < 20; source++) {
			FTPClient attacker = from("127.0.0." + source);
			assertThat(attacker.login("porch", "guess-" + source)).isFalse();
			assertThat(attacker.getReplyCode()).isEqualTo(530);
			attacker.disconnect();
		}
		// The account is locked for new sources, even with the right password ...
		FTPClient stranger = from("127.0.0.20");
		assertThatExceptionOfType(FTPConnectionClosedException.class)
			.isThrownBy(() -> stranger.login("porch", "porch-secret-1"))
			.withMessageContaining("421");
		// ... while the camera's own address keeps uploading, and other accounts are
		// untouched.
		FTPClient camera = login("porch", "porch-secret-1");
		assertThat(store(camera, "porch.jpg", Sha256.variant(TestMedia.file("darknet/person.jpg"), 43)))
			.as(camera.getReplyString())
			.isTrue();
		assertThat(from("127.0.0.21").login("garden", "garden-secret-1")).isTrue();
	}

	@Test
	void capsConnectionsWaitingToLogInAndDropsThemAfterTheLoginTimeout() throws Exception {
		List<java.net.Socket> waiting = new java.util.ArrayList<>();
		try {
			for (int i = 0; i < 4; i++) {
				java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getByName("127.0.0.1"),
						this.ftp.port(), java.net.InetAddress.getByName("127.0.0.4"), 0);
				socket.setSoTimeout(90_000);
				waiting.add(socket);
				assertThat(line(socket)).startsWith("220");
			}
			// One connection more from that address, never logged in: refused.
			assertThatExceptionOfType(FTPConnectionClosedException.class).isThrownBy(() -> from("127.0.0.4"))
				.withMessageContaining("421");
			assertThat(from("127.0.0.5").login("garden", "garden-secret-1")).as("other sources unaffected").isTrue();
			// The silent ones are dropped after the login timeout.
			for (java.net.Socket socket : waiting) {
				String last;
				do {
					last = line(socket);
				}
				while (last != null && !last.startsWith("421"));
			}
			FTPClient later = from("127.0.0.4");
			assertThat(later.login("garden", "garden-secret-1")).as("slots are released").isTrue();
		}
		finally {
			for (java.net.Socket socket : waiting) {
				socket.close();
			}
		}
	}

	private static @org.jspecify.annotations.Nullable String line(java.net.Socket socket) throws IOException {
		StringBuilder line = new StringBuilder();
		int b;
		while ((b = socket.getInputStream().read()) != -1 && b != '\n') {
			line.append((char) b);
		}
		return (b == -1 && line.isEmpty()) ? null : line.toString().trim();
	}

	@Test
	void curlUploadsWithCreateDirsPassiveActiveAndFtps() throws Exception {
		String base = "ftp://127.0.0.1:" + this.ftp.port() + "/curl/FI9821P_00626E5A2B1C/snap/";
		Path passive = variantFile(11);
		assertThat(curl("--ftp-create-dirs", "-T", passive.toString(), base + "MDAlarm_20160830-155137.jpg")).isZero();
		assertThat(spooled(Sha256.of(passive)).originalPath())
			.isEqualTo("curl/FI9821P_00626E5A2B1C/snap/MDAlarm_20160830-155137.jpg");
		Path active = variantFile(12);
		assertThat(curl("-P", "-", "--ftp-create-dirs", "-T", active.toString(), base + "MDAlarm_20160830-155138.jpg"))
			.isZero();
		spooled(Sha256.of(active));
		Path secure = variantFile(13);
		assertThat(curl("--ssl-reqd", "-k", "-T", secure.toString(), base + "MDAlarm_20160830-155139.jpg")).isZero();
		spooled(Sha256.of(secure));
	}

	@Test
	void takesAFloodOfUploadsFromOneCamera() throws IOException {
		FTPClient client = driveway();
		mkdirChain(client, "flood", "snap");
		int depth = this.spool.depth();
		for (int i = 0; i < 300; i++) {
			assertThat(store(client, String.format("MDAlarm_20160830-15%04d.jpg", i),
					Sha256.variant(TestMedia.file("opencv/HappyFish.jpg"), 1000 + i)))
				.as(client.getReplyString())
				.isTrue();
		}
		assertThat(this.spool.depth()).isEqualTo(depth + 300);
	}

	private static Path variantFile(int n) throws IOException {
		Path file = Files.createTempFile(dataDir, "curl", ".jpg");
		Files.write(file, Sha256.variant(TestMedia.file("darknet/giraffe.jpg"), n));
		return file;
	}

	private static int curl(String... arguments) throws Exception {
		List<String> command = new java.util.ArrayList<>(
				List.of("curl", "-sS", "--max-time", "60", "--user", "driveway:driveway-secret-1"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		int exit = process.waitFor();
		if (exit != 0) {
			System.err.println("curl " + String.join(" ", arguments) + " -> " + exit + ": " + output);
		}
		return exit;
	}

	private static List<Path> inProgressFiles() throws IOException {
		try (Stream<Path> all = Files.walk(dataDir.resolve("homes"))) {
			return all.filter((p) -> p.getFileName().toString().startsWith(".vigil-upload-")).toList();
		}
	}

}
