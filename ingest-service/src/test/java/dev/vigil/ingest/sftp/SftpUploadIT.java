package dev.vigil.ingest.sftp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import dev.vigil.contracts.MediaKind;
import dev.vigil.contracts.MediaUploaded;
import dev.vigil.devstack.Infrastructure;
import dev.vigil.devstack.VigilInfrastructure;
import dev.vigil.ingest.Sha256;
import dev.vigil.ingest.TestMedia;
import dev.vigil.ingest.spool.Spool;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * A camera that only speaks SFTP, through the sshd client: same accounts, same completion
 * path, same objects and events.
 */
@VigilInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "vigil.ingest.ftp.enabled=false", "vigil.ingest.sftp.port=0",
				"vigil.ingest.sftp.login-timeout=10s", "vigil.ingest.quota.cameras.backyard=2MB",
				"vigil.ingest.publish.min-backoff=200ms", "vigil.ingest.publish.max-backoff=2s",
				"vigil.ingest.cameras.accounts[0].user=backyard", "vigil.ingest.cameras.accounts[0].camera-id=backyard",
				"vigil.ingest.cameras.accounts[0].password=backyard-secret",
				"vigil.ingest.cameras.accounts[0].time-zone=Europe/Berlin" })
class SftpUploadIT {

	static Path dataDir;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "sftp-it").toAbsolutePath();
		registry.add("vigil.ingest.data-dir", dataDir::toString);
	}

	@Autowired
	SftpServerLifecycle sftp;

	@Autowired
	Spool spool;

	private SshClient ssh;

	@BeforeEach
	void startClient() {
		this.ssh = SshClient.setUpDefaultClient();
		this.ssh.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
		this.ssh.start();
	}

	@AfterEach
	void stopClient() {
		this.ssh.stop();
	}

	private SftpClient login(String password) throws IOException {
		ClientSession session = this.ssh.connect("backyard", "127.0.0.1", this.sftp.port())
			.verify(Duration.ofSeconds(20))
			.getSession();
		session.addPasswordIdentity(password);
		session.auth().verify(Duration.ofSeconds(20));
		return SftpClientFactory.instance().createSftpClient(session);
	}

	@Test
	void uploadAndRenameArePublishedToS3AndKafka(Infrastructure infrastructure) throws Exception {
		byte[] snapshot = Sha256.variant(TestMedia.file("darknet/horses.jpg"), 21);
		byte[] renamed = Sha256.variant(TestMedia.file("darknet/horses.jpg"), 22);
		byte[] escape = Sha256.variant(TestMedia.file("darknet/horses.jpg"), 23);
		try (SftpClient client = login("backyard-secret")) {
			client.mkdir("/C1");
			client.mkdir("/C1/snap");
			try (OutputStream out = client.write("/C1/snap/MDAlarm_20160830-155137.jpg")) {
				out.write(snapshot);
			}
			try (OutputStream out = client.write("/C1/snap/upload.tmp")) {
				out.write(renamed);
			}
			client.rename("/C1/snap/upload.tmp", "/C1/snap/MDAlarm_20160830-155138.jpg");
			assertThatIOException().isThrownBy(() -> {
				try (OutputStream out = client.write("/C1/snap/MDAlarm_20160830-155139.jpg")) {
					out.write("not a picture".getBytes());
				}
			});
			try (OutputStream out = client.write("/../../escape.jpg")) {
				out.write(escape);
			}
		}
		List<MediaUploaded> events = events(infrastructure, 3);
		assertThat(events).extracting(MediaUploaded::sha256)
			.containsExactlyInAnyOrder(Sha256.of(snapshot), Sha256.of(renamed), Sha256.of(escape));
		// The traversal attempt stayed in the jail: it landed in the camera's home.
		assertThat(events).extracting(MediaUploaded::originalPath).contains("escape.jpg");
		MediaUploaded first = events.stream()
			.filter((event) -> event.sha256().equals(Sha256.of(snapshot)))
			.findFirst()
			.orElseThrow();
		assertThat(first.kind()).isEqualTo(MediaKind.IMAGE);
		assertThat(first.capturedAt()).isEqualTo(Instant.parse("2016-08-30T13:51:37Z"));
		assertThat(first.originalPath()).isEqualTo("C1/snap/MDAlarm_20160830-155137.jpg");
		MinioClient s3 = MinioClient.builder()
			.endpoint(infrastructure.s3Endpoint())
			.credentials(infrastructure.s3AccessKey(), infrastructure.s3SecretKey())
			.region(infrastructure.s3Region())
			.build();
		try (var in = s3.getObject(GetObjectArgs.builder().bucket(first.bucket()).object(first.objectKey()).build())) {
			assertThat(Sha256.of(in.readAllBytes())).isEqualTo(Sha256.of(snapshot));
		}
	}

	@Test
	void refusesPermissionChangesThatLockTheEdgeOutAndLinks() throws Exception {
		Path home = dataDir.resolve("homes/backyard");
		try (SftpClient client = login("backyard-secret")) {
			assertThatIOException().as("chmod of the home")
				.isThrownBy(() -> client.setStat("/", new SftpClient.Attributes().perms(0)));
			client.mkdir("/hide");
			assertThatIOException().as("chmod 000 of a directory")
				.isThrownBy(() -> client.setStat("/hide", new SftpClient.Attributes().perms(0)));
			try (OutputStream out = client.write("/hide/keep.tmp")) {
				out.write("held back".getBytes());
			}
			assertThatIOException().as("file the owner cannot read")
				.isThrownBy(() -> client.setStat("/hide/keep.tmp", new SftpClient.Attributes().perms(0200)));
			client.setStat("/hide/keep.tmp", new SftpClient.Attributes().perms(0640));
			assertThatException().as("hard link")
				.isThrownBy(() -> client.link("/hide/keep.tmp", "/hide/linked.tmp", false));
			assertThatException().as("symbolic link")
				.isThrownBy(() -> client.link("/etc/passwd", "/hide/passwd", true));
		}
		assertThat(Files.isReadable(home) && Files.isExecutable(home)).isTrue();
		assertThat(Files.isReadable(home.resolve("hide")) && Files.isExecutable(home.resolve("hide"))).isTrue();
		assertThat(home.resolve("hide/linked.tmp")).doesNotExist();
		assertThat(home.resolve("hide/passwd")).doesNotExist();
		assertThat(Files.getAttribute(home.resolve("hide/keep.tmp"), "unix:nlink")).isEqualTo(1);
	}

	@Test
	void closesConnectionsThatDoNotAuthenticateWithinTheLoginTimeout() throws Exception {
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.sftp.port())) {
			socket.setSoTimeout(90_000);
			socket.getOutputStream().write("SSH-2.0-silent\r\n".getBytes());
			// Read the banner and key exchange, then nothing more is sent: the server
			// must close.
			byte[] buffer = new byte[4096];
			while (socket.getInputStream().read(buffer) != -1) {
				// draining until the server closes
			}
		}
		catch (java.net.SocketException ex) {
			// Closed with a reset: closed all the same.
		}
	}

	@Test
	void stopsAWriteAtTheCamerasQuota() throws Exception {
		byte[] hoard = new byte[3 * 1024 * 1024];
		new java.util.Random(7).nextBytes(hoard);
		try (SftpClient client = login("backyard-secret")) {
			assertThatIOException().isThrownBy(() -> {
				try (OutputStream out = client.write("/hoard.part")) {
					out.write(hoard);
				}
			});
		}
		Path home = dataDir.resolve("homes/backyard");
		try (java.util.stream.Stream<Path> files = Files.walk(home)) {
			assertThat(files.filter(Files::isRegularFile).mapToLong((file) -> file.toFile().length()).sum())
				.as("home stays within the 2 MB quota (plus one write)")
				.isLessThanOrEqualTo(2 * 1024 * 1024 + 64 * 1024);
		}
		// Over quota, the camera can still clean up, and then upload again.
		try (SftpClient client = login("backyard-secret")) {
			client.remove("/hoard.part");
			try (OutputStream out = client.write("/after.part")) {
				out.write("small".getBytes());
			}
			client.remove("/after.part");
		}
	}

	@Test
	void rejectsWrongPassword() {
		assertThatIOException().isThrownBy(() -> login("wrong-password"));
	}

	private static List<MediaUploaded> events(Infrastructure infrastructure, int expected) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "sftp-it-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		JsonMapper json = JsonMapper.builder().build();
		List<MediaUploaded> events = new java.util.ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of("media.uploaded"));
			while (events.size() < expected && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> {
					MediaUploaded event = json.readValue(record.value(), MediaUploaded.class);
					if (event.cameraId().equals("backyard")) {
						events.add(event);
					}
				});
			}
		}
		return events;
	}

}
