package dev.vigil.ingest.publish;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.vigil.devstack.Component;
import dev.vigil.devstack.Infrastructure;
import dev.vigil.devstack.VigilInfrastructure;
import dev.vigil.ingest.Sha256;
import dev.vigil.ingest.TestMedia;
import dev.vigil.ingest.spool.JournalFiles;
import dev.vigil.ingest.spool.SpoolRecord;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The edge as a real process (the Boot jar at -Xmx128m) killed with SIGKILL while it
 * drains its spool: after a restart on the same data directory everything is published,
 * each object key exists once, and no media id gets two different events.
 */
@VigilInfrastructure
class CrashRecoveryIT {

	private static final int FILES = 40;

	private final List<Process> processes = new ArrayList<>();

	@AfterEach
	void stopProcesses() {
		this.processes.forEach(Process::destroyForcibly);
	}

	@Test
	void restartAfterKillDuringDrainPublishesEverythingOnce(Infrastructure infrastructure) throws Exception {
		Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "crash-it")
			.toAbsolutePath();
		int ftpPort = freePort();
		Process edge = start(infrastructure, dataDir, ftpPort, "first");
		List<String> shas = new ArrayList<>();
		infrastructure.stop(Component.S3);
		try {
			FTPClient client = login(ftpPort);
			for (int i = 0; i < FILES; i++) {
				byte[] bytes = Sha256.variant(TestMedia.file("darknet/kite.jpg"), i + 1);
				assertThat(client.storeFile(String.format("MDAlarm_20160830-1700%02d.jpg", i),
						new ByteArrayInputStream(bytes)))
					.as(client.getReplyString())
					.isTrue();
				shas.add(Sha256.of(bytes));
			}
			client.disconnect();
			assertThat(journal(dataDir)).hasSize(FILES);
		}
		finally {
			infrastructure.start(Component.S3);
		}
		// Kill as soon as the drain has visibly started.
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> journal(dataDir).size() <= FILES - 3);
		new ProcessBuilder("kill", "-9", String.valueOf(edge.pid())).start().waitFor();
		edge.waitFor(10, TimeUnit.SECONDS);
		int left = journal(dataDir).size();
		assertThat(left).as("killed mid-drain").isPositive().isLessThan(FILES);

		start(infrastructure, dataDir, ftpPort, "second");
		await().atMost(Duration.ofSeconds(120)).until(() -> journal(dataDir).isEmpty());

		Published published = new Published(infrastructure);
		List<Published.Keyed> events = published.events((all) -> crashEvents(all).keySet().containsAll(shas),
				Duration.ofSeconds(60));
		Map<String, Set<String>> eventIdsPerMedia = crashEvents(events);
		assertThat(eventIdsPerMedia.keySet()).containsExactlyInAnyOrderElementsOf(shas);
		// A redelivery after the kill carries the same event id; a second id would be a
		// second upload.
		assertThat(eventIdsPerMedia.values()).allMatch((ids) -> ids.size() == 1);
		List<String> keys = published.objectKeys("originals/crash/");
		assertThat(keys).hasSize(FILES).doesNotHaveDuplicates();
		for (String sha : List.of(shas.get(0), shas.get(FILES - 1))) {
			String key = keys.stream().filter((k) -> k.contains(sha)).findFirst().orElseThrow();
			assertThat(published.objectSha256(key)).isEqualTo(sha);
		}
		assertThat(Files.readString(dataDir.resolve("second.log"))).contains("Spool recovered " + left);
	}

	private static Map<String, Set<String>> crashEvents(List<Published.Keyed> events) {
		return events.stream()
			.map(Published.Keyed::event)
			.filter((event) -> event.cameraId().equals("crash"))
			.collect(Collectors.groupingBy((event) -> event.mediaId(),
					Collectors.mapping((event) -> event.eventId().toString(), Collectors.toSet())));
	}

	private Process start(Infrastructure infrastructure, Path dataDir, int ftpPort, String name) throws Exception {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-jar",
				Path.of("target/ingest-service.jar").toAbsolutePath().toString(), "--server.port=" + freePort(),
				"--vigil.ingest.ftp.port=" + ftpPort, "--vigil.ingest.ftp.passive-ports=0",
				"--vigil.ingest.sftp.enabled=false", "--vigil.ingest.data-dir=" + dataDir,
				"--vigil.ingest.edge-node-id=edge-crash", "--vigil.ingest.publish.min-backoff=200ms",
				"--vigil.ingest.publish.max-backoff=1s", "--vigil.ingest.publish.concurrency=1",
				"--vigil.ingest.cameras.accounts[0].user=crash", "--vigil.ingest.cameras.accounts[0].camera-id=crash",
				"--vigil.ingest.cameras.accounts[0].password=crash-secret"));
		infrastructure.springProperties().forEach((key, value) -> command.add("--" + key + "=" + value));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dataDir.resolve(name + ".log").toFile())
			.start();
		this.processes.add(process);
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
			FTPClient probe = login(ftpPort);
			probe.disconnect();
			return true;
		});
		return process;
	}

	private static FTPClient login(int port) throws IOException {
		FTPClient client = new FTPClient();
		client.connect("127.0.0.1", port);
		if (!client.login("crash", "crash-secret")) {
			client.disconnect();
			throw new IOException("login refused: " + client.getReplyString());
		}
		client.setFileType(FTP.BINARY_FILE_TYPE);
		client.enterLocalPassiveMode();
		return client;
	}

	private static List<SpoolRecord> journal(Path dataDir) throws IOException {
		return JournalFiles.pending(dataDir.resolve("spool"));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
