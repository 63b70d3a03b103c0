package dev.vigil.ingest.ftp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.vigil.ingest.Sha256;
import dev.vigil.ingest.TestMedia;
import dev.vigil.ingest.spool.Spool;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPSClient;
import org.apache.commons.net.util.TrustManagerUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code production} profile requires TLS for FTP logins: a camera's password never
 * crosses the network in cleartext. A camera that cannot do FTPS is exempted on its own
 * account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vigil.ingest.ftp.port=0", "vigil.ingest.ftp.passive-ports=0", "vigil.ingest.sftp.enabled=false",
				"vigil.ingest.publish.enabled=false", "vigil.ingest.admin.token=require-tls-it-admin-token-0123456789",
				"vigil.ingest.cameras.accounts[0].user=driveway", "vigil.ingest.cameras.accounts[0].camera-id=driveway",
				"vigil.ingest.cameras.accounts[0].password=driveway-secret-1",
				"vigil.ingest.cameras.accounts[1].user=legacy", "vigil.ingest.cameras.accounts[1].camera-id=legacy",
				"vigil.ingest.cameras.accounts[1].password=legacy-secret-1",
				"vigil.ingest.cameras.accounts[1].require-tls=false" })
@ActiveProfiles("production")
class RequireTlsIT {

	static Path dataDir;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "require-tls-it")
			.toAbsolutePath();
		registry.add("vigil.ingest.data-dir", dataDir::toString);
	}

	@Autowired
	FtpServerLifecycle ftp;

	@Autowired
	Spool spool;

	private final List<FTPClient> clients = new ArrayList<>();

	@AfterEach
	void disconnect() throws IOException {
		for (FTPClient client : this.clients) {
			if (client.isConnected()) {
				client.disconnect();
			}
		}
	}

	@Test
	void refusesUserBeforeAuthTlsSoThePasswordIsNeverSent() throws IOException {
		FTPClient plain = new FTPClient();
		this.clients.add(plain);
		plain.connect("127.0.0.1", this.ftp.port());
		assertThat(plain.sendCommand("USER", "driveway")).isEqualTo(530);
		assertThat(plain.getReplyString()).contains("TLS required");
		// A client that sends PASS anyway is refused the same way, before any check.
		assertThat(plain.sendCommand("PASS", "driveway-secret-1")).isEqualTo(530);
		assertThat(plain.sendCommand("PWD")).as("not logged in").isEqualTo(530);
		// commons-net's login stops at the refused USER: no password on the wire.
		FTPClient again = new FTPClient();
		this.clients.add(again);
		again.connect("127.0.0.1", this.ftp.port());
		assertThat(again.login("driveway", "driveway-secret-1")).isFalse();
		assertThat(again.getReplyCode()).isEqualTo(530);
	}

	@Test
	void takesUploadAfterAuthTls() throws IOException {
		FTPSClient client = new FTPSClient(false);
		this.clients.add(client);
		client.setTrustManager(TrustManagerUtils.getAcceptAllTrustManager());
		client.connect("127.0.0.1", this.ftp.port());
		assertThat(client.login("driveway", "driveway-secret-1")).as(client.getReplyString()).isTrue();
		client.execPBSZ(0);
		client.execPROT("P");
		client.setFileType(FTP.BINARY_FILE_TYPE);
		client.enterLocalPassiveMode();
		byte[] bytes = Sha256.variant(TestMedia.file("darknet/dog.jpg"), 77);
		assertThat(client.storeFile("MDAlarm_20160830-155137.jpg", new ByteArrayInputStream(bytes)))
			.as(client.getReplyString())
			.isTrue();
		assertThat(this.spool.pending()).anyMatch((record) -> record.sha256().equals(Sha256.of(bytes)));
	}

	@Test
	void exemptedCameraStillLogsInWithoutTls() throws IOException {
		FTPClient plain = new FTPClient();
		this.clients.add(plain);
		plain.connect("127.0.0.1", this.ftp.port());
		assertThat(plain.login("legacy", "legacy-secret-1")).as(plain.getReplyString()).isTrue();
	}

}
