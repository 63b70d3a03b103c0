package dev.vigil.ingest.ftp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.apache.commons.net.ftp.FTPReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * An edge at its limits answers with the replies camera firmware retries on, and counts
 * refusals with their reason: 425 when no passive port is free (counted after the
 * command, so the count may trail the reply), 421 beyond the cap on connections that have
 * not logged in, 421 beyond the session limit (counted {@code max-sessions}). (452 for a
 * full spool and 421 beyond a camera's own session limit: {@code SpoolFullIT}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = { "vigil.ingest.ftp.port=0",
		"vigil.ingest.sftp.enabled=false", "vigil.ingest.publish.enabled=false", "vigil.ingest.ftp.max-sessions=2",
		"vigil.ingest.ftp.max-pre-login=2", "vigil.ingest.cameras.password-iterations=10000",
		"vigil.ingest.cameras.accounts[0].user=attic", "vigil.ingest.cameras.accounts[0].camera-id=attic",
		"vigil.ingest.cameras.accounts[0].password=attic-secret", "vigil.ingest.cameras.accounts[1].user=porch",
		"vigil.ingest.cameras.accounts[1].camera-id=porch", "vigil.ingest.cameras.accounts[1].password=porch-secret",
		"vigil.ingest.cameras.accounts[2].user=yard", "vigil.ingest.cameras.accounts[2].camera-id=yard",
		"vigil.ingest.cameras.accounts[2].password=yard-secret" })
class FtpRefusalsIT {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "refusals-it")
			.toAbsolutePath();
		registry.add("vigil.ingest.data-dir", dataDir::toString);
		// One passive port for two sessions: the second PASV finds none free.
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			int port = socket.getLocalPort();
			registry.add("vigil.ingest.ftp.passive-ports", () -> Integer.toString(port));
		}
	}

	@Autowired
	FtpServerLifecycle ftp;

	@Autowired
	MeterRegistry meters;

	private final List<FTPClient> clients = new ArrayList<>();

	static double refusals(MeterRegistry meters, int code, String reason) {
		Counter counter = meters.find("vigil.ingest.ftp.refusals")
			.tags("code", Integer.toString(code), "reason", reason)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	@AfterEach
	void disconnect() throws IOException {
		for (FTPClient client : this.clients) {
			if (client.isConnected()) {
				client.disconnect();
			}
		}
		// FtpServer releases a login when it sees the connection close.
		await().untilAsserted(() -> {
			FTPClient probe = login("yard");
			probe.logout();
			probe.disconnect();
		});
		this.clients.clear();
	}

	private FTPClient connect() throws IOException {
		FTPClient client = new FTPClient();
		this.clients.add(client);
		client.connect("127.0.0.1", this.ftp.port());
		return client;
	}

	private FTPClient login(String camera) throws IOException {
		FTPClient client = connect();
		assertThat(client.login(camera, camera + "-secret")).as(client.getReplyString()).isTrue();
		return client;
	}

	@Test
	void noFreePassivePortAnswers425() throws IOException {
		FTPClient attic = login("attic");
		assertThat(attic.pasv()).isEqualTo(FTPReply.ENTERING_PASSIVE_MODE);
		FTPClient porch = login("porch");
		assertThat(porch.pasv()).isEqualTo(FTPReply.CANNOT_OPEN_DATA_CONNECTION);
		await().untilAsserted(() -> assertThat(refusals(this.meters, 425, "no-passive-port")).isEqualTo(1));
	}

	@Test
	void aLoginBeyondTheSessionLimitAnswers421() throws IOException {
		login("attic");
		login("porch");
		// Counted since start: the probes after other tests may have met the limit too.
		double before = refusals(this.meters, 421, "max-sessions");
		FTPClient yard = connect();
		assertThatExceptionOfType(FTPConnectionClosedException.class)
			.isThrownBy(() -> yard.login("yard", "yard-secret"))
			.withMessageContaining("421");
		// Counted once FtpServer has closed the connection, so it may trail the reply.
		await().untilAsserted(() -> assertThat(refusals(this.meters, 421, "max-sessions") - before).isEqualTo(1));
		assertThat(refusals(this.meters, 421, "max-sessions-per-camera")).isZero();
	}

	@Test
	void connectionsBeyondThePreLoginCapAnswer421() throws IOException {
		connect();
		connect();
		assertThatExceptionOfType(FTPConnectionClosedException.class).isThrownBy(this::connect)
			.withMessageContaining("421");
		await().untilAsserted(() -> assertThat(refusals(this.meters, 421, "pre-login-limit")).isEqualTo(1));
	}

}
