package dev.vigil.bench.baseline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.vigil.bench.sim.CameraSimulator;
import dev.vigil.bench.sim.CameraSimulator.Camera;
import dev.vigil.bench.sim.CameraSimulator.Options;
import dev.vigil.bench.sim.CameraSimulator.Transfer;
import dev.vigil.bench.sim.CameraSimulator.UploadStyle;
import dev.vigil.bench.sim.FileNaming;
import dev.vigil.bench.sim.MediaPool;
import dev.vigil.bench.sim.SimulationResult;
import dev.vigil.devstack.TestMedia;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Smoke of the simulator against a real FTP server (vsftpd): what CI runs of the bench.
 */
class CameraSimulatorIT {

	@TempDir
	static Path work;

	static VsftpdServer vsftpd;

	static CameraSimulator simulator;

	@BeforeAll
	static void startVsftpd() throws IOException {
		vsftpd = VsftpdServer.start(work, 20);
		simulator = new CameraSimulator(MediaPool.load(TestMedia.root()));
	}

	@AfterAll
	static void stopVsftpd() {
		vsftpd.close();
	}

	@Test
	void uploadsEveryFileOfABurstFromSeveralCameras() throws Exception {
		List<Camera> cameras = IntStream.range(0, 4)
			.mapToObj((i) -> new Camera("cam" + i, "anonymous", "camera@", "00626E5A2B1" + i))
			.toList();
		SimulationResult result = simulator
			.run(Options.snapshots("127.0.0.1", vsftpd.port(), cameras, 5).under(VsftpdServer.UPLOAD_DIRECTORY));

		assertThat(result.refused()).isEmpty();
		assertThat(result.accepted()).hasSize(20);
		assertThat(uploadedFiles()).filteredOn((file) -> file.toString().contains("/snap/MDAlarm_")).hasSize(20);
		assertThat(result.accepted()).extracting(CameraSimulator.Upload::sha256).doesNotHaveDuplicates();
		assertThat(result.latency(99)).isPositive();
	}

	@Test
	void uploadsClipsInActiveModeUnderTemporaryNamesThenRenames() throws Exception {
		Options options = new Options("127.0.0.1", vsftpd.port(), VsftpdServer.UPLOAD_DIRECTORY,
				List.of(new Camera("legacy", "anonymous", "camera@", "000DC5D4D0F7")), 3, 1.0, Transfer.ACTIVE,
				UploadStyle.TEMP_THEN_RENAME, FileNaming.FOSCAM_LEGACY, false, true, 7,
				java.time.LocalDateTime.of(2016, 8, 30, 15, 43), java.time.Duration.ofMinutes(2));
		SimulationResult result = simulator.run(options);

		assertThat(result.refused()).isEmpty();
		assertThat(uploadedFiles())
			.filteredOn((file) -> file.getFileName().toString().startsWith("000DC5D4D0F7(cam)_1_"))
			.hasSize(3)
			.allMatch((file) -> file.toString().endsWith(".avi"));
		assertThat(uploadedFiles()).noneMatch((file) -> file.toString().endsWith(".tmp"));
	}

	private static List<Path> uploadedFiles() throws IOException {
		try (Stream<Path> files = Files.walk(vsftpd.root())) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

}
