package dev.vigil.ingest.ftp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.vigil.ingest.Sha256;
import dev.vigil.ingest.TestMedia;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Right after a start every camera logs in for the first time at once: more PBKDF2 checks
 * at the default 600 000 iterations than there are cores. Every one of them gets
 * {@code 230} and then uploads in the same session: the idle timer does not tick while a
 * password check waits its turn. Each camera has its own address, as on a camera network.
 * All limits are the defaults. (With {@code login-timeout=2s}, shorter than this burst's
 * checks took on a loaded 2-core machine, the edge before the fix closed sessions right
 * after their {@code 230}: an idle event fired during the check.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = { "vigil.ingest.ftp.port=0",
		"vigil.ingest.ftp.passive-ports=0", "vigil.ingest.sftp.enabled=false", "vigil.ingest.publish.enabled=false" })
class FirstLoginBurstIT {

	/** More first logins than cores (and more than the 2 cores of the CI machine). */
	static final int CAMERAS = Math.max(16, Runtime.getRuntime().availableProcessors() + 2);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "first-login-it")
			.toAbsolutePath();
		registry.add("vigil.ingest.data-dir", dataDir::toString);
		for (int i = 0; i < CAMERAS; i++) {
			String name = "cam" + i;
			registry.add("vigil.ingest.cameras.accounts[" + i + "].user", () -> name);
			registry.add("vigil.ingest.cameras.accounts[" + i + "].camera-id", () -> name);
			registry.add("vigil.ingest.cameras.accounts[" + i + "].password", () -> name + "-secret");
		}
	}

	@Autowired
	FtpServerLifecycle ftp;

	@Test
	void everyCameraLoggingInForTheFirstTimeAtOnceGetsInAndUploads() throws Exception {
		List<Future<String>> cameras = new ArrayList<>();
		try (ExecutorService burst = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < CAMERAS; i++) {
				int camera = i;
				cameras.add(burst.submit(() -> loginAndUpload(camera)));
			}
			for (Future<String> camera : cameras) {
				assertThat(camera.get()).isEqualTo("230 226");
			}
		}
	}

	private String loginAndUpload(int camera) throws IOException {
		InetAddress source = InetAddress.getByName("127.0.0." + (10 + camera));
		FTPClient client = new FTPClient();
		// A camera waits for its reply; the edge must not give up on it meanwhile.
		client.setDefaultTimeout((int) Duration.ofMinutes(5).toMillis());
		client.setPassiveLocalIPAddress(source);
		try {
			client.connect(InetAddress.getLoopbackAddress(), this.ftp.port(), source, 0);
			String name = "cam" + camera;
			boolean loggedIn = client.login(name, name + "-secret");
			String login = Integer.toString(client.getReplyCode());
			if (!loggedIn) {
				return login + " " + client.getReplyString().trim();
			}
			client.setFileType(FTP.BINARY_FILE_TYPE);
			client.enterLocalPassiveMode();
			byte[] bytes = Sha256.variant(TestMedia.file("darknet/dog.jpg"), 100 + camera);
			client.storeFile("snap_" + camera + ".jpg", new ByteArrayInputStream(bytes));
			return login + " " + client.getReplyCode();
		}
		finally {
			if (client.isConnected()) {
				client.disconnect();
			}
		}
	}

}
