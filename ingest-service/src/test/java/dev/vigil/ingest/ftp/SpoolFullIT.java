package dev.vigil.ingest.ftp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.vigil.ingest.Sha256;
import dev.vigil.ingest.TestMedia;
import dev.vigil.ingest.spool.JournalFiles;
import dev.vigil.ingest.spool.Spool;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A spool at its high-water mark refuses new uploads with 452 (the camera retries later)
 * instead of acknowledging what it cannot keep, and leaves what it holds intact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vigil.ingest.ftp.port=0", "vigil.ingest.ftp.passive-ports=0", "vigil.ingest.sftp.enabled=false",
				"vigil.ingest.publish.enabled=false", "vigil.ingest.spool.max-size=400KB",
				"vigil.ingest.ftp.max-sessions-per-camera=2", "vigil.ingest.cameras.accounts[0].user=attic",
				"vigil.ingest.cameras.accounts[0].camera-id=attic",
				"vigil.ingest.cameras.accounts[0].password=attic-secret" })
class SpoolFullIT {

	static Path dataDir;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "spool-full-it")
			.toAbsolutePath();
		registry.add("vigil.ingest.data-dir", dataDir::toString);
	}

	@Autowired
	FtpServerLifecycle ftp;

	@Autowired
	Spool spool;

	@Autowired
	MeterRegistry meters;

	@Value("${local.server.port}")
	int httpPort;

	private FTPClient login() throws IOException {
		FTPClient client = new FTPClient();
		client.connect("127.0.0.1", this.ftp.port());
		assertThat(client.login("attic", "attic-secret")).isTrue();
		client.setFileType(FTP.BINARY_FILE_TYPE);
		client.enterLocalPassiveMode();
		return client;
	}

	@Test
	void refusesWith452AboveHighWaterMarkAndTurnsUnready() throws Exception {
		assertThat(readiness()).isEqualTo(200);
		FTPClient client = await().ignoreExceptions().until(this::login, (c) -> c.isConnected());
		assertThat(client.storeFile("a.jpg", jpeg(1))).isTrue();
		assertThat(client.storeFile("b.jpg", jpeg(2))).isTrue();
		assertThat(this.spool.depth()).isEqualTo(2);

		assertThat(client.storeFile("c.jpg", jpeg(3))).isFalse();
		assertThat(client.getReplyCode()).isEqualTo(452);
		assertThat(client.sendCommand("ALLO", "100000")).isEqualTo(452);
		assertThat(this.spool.depth()).isEqualTo(2);
		assertThat(client.listNames()).doesNotContain("c.jpg");
		assertThat(JournalFiles.pending(dataDir.resolve("spool"))).hasSize(2);
		assertThat(readiness()).as("cannot accept uploads").isEqualTo(503);
		await()
			.untilAsserted(() -> assertThat(FtpRefusalsIT.refusals(this.meters, 452, "spool-full")).as("STOR and ALLO")
				.isEqualTo(2));
		client.disconnect();
	}

	@Test
	void limitsConcurrentSessionsPerCamera() throws IOException {
		FTPClient first = login();
		FTPClient second = login();
		FTPClient third = new FTPClient();
		third.connect("127.0.0.1", this.ftp.port());
		assertThatExceptionOfType(FTPConnectionClosedException.class)
			.isThrownBy(() -> third.login("attic", "attic-secret"))
			.withMessageContaining("421");
		await().untilAsserted(
				() -> assertThat(FtpRefusalsIT.refusals(this.meters, 421, "max-sessions-per-camera")).isEqualTo(1));
		assertThat(FtpRefusalsIT.refusals(this.meters, 421, "max-sessions")).isZero();
		first.logout();
		second.logout();
		first.disconnect();
		second.disconnect();
		// Sessions are released as they close, then the camera may log in again.
		await().ignoreExceptions().untilAsserted(() -> login().disconnect());
	}

	private static ByteArrayInputStream jpeg(int n) {
		return new ByteArrayInputStream(Sha256.variant(TestMedia.file("darknet/person.jpg"), n));
	}

	private int readiness() throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http
				.send(HttpRequest
					.newBuilder(URI.create("http://localhost:" + this.httpPort + "/actuator/health/readiness"))
					.build(), HttpResponse.BodyHandlers.ofString())
				.statusCode();
		}
	}

}
