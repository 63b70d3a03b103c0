package dev.vigil.bench.sim;

import dev.vigil.devstack.TestMedia;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SimulatorPartsTests {

	@Test
	void uniqueJpegCopiesStillDecodeAndDiffer() throws IOException {
		byte[] original = Files.readAllBytes(TestMedia.root().resolve("darknet/person.jpg"));
		byte[] first = Uniquifier.unique(original, "cam1/1");
		byte[] second = Uniquifier.unique(original, "cam1/2");

		BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(first));
		assertThat(decoded.getWidth()).isEqualTo(ImageIO.read(new ByteArrayInputStream(original)).getWidth());
		assertThat(CameraSimulator.sha256(first)).isNotEqualTo(CameraSimulator.sha256(second))
			.isNotEqualTo(CameraSimulator.sha256(original));
	}

	@Test
	void uniqueAviCopiesKeepAConsistentRiffSize() throws IOException {
		byte[] original = Files.readAllBytes(TestMedia.root().resolve("opencv/tree.avi"));
		byte[] copy = Uniquifier.unique(original, "cam1/odd");

		int riffSize = ByteBuffer.wrap(copy, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
		assertThat(riffSize).isEqualTo(copy.length - 8);
		assertThat(new String(copy, original.length, 4)).isEqualTo("JUNK");
	}

	@Test
	void refusesTargetsOutsideLoopback() {
		assertThat(Loopback.require("127.0.0.1")).isEqualTo("127.0.0.1");
		assertThat(Loopback.require("localhost")).isEqualTo("localhost");
		assertThatIllegalArgumentException().isThrownBy(() -> Loopback.require("10.0.0.7"))
			.withMessageContaining("only run against loopback");
		assertThatIllegalArgumentException().isThrownBy(() -> Loopback.require("192.168.1.20"));
	}

	@Test
	void namesFilesInTheVendorShapes() {
		LocalDateTime time = LocalDateTime.of(2016, 8, 30, 15, 51, 37);
		assertThat(FileNaming.FOSCAM.directory("driveway", "00626E5A2B1C", false))
			.isEqualTo("driveway/00626E5A2B1C/snap");
		assertThat(FileNaming.FOSCAM.fileName("00626E5A2B1C", time, 0, false)).isEqualTo("MDAlarm_20160830-155137.jpg");
		assertThat(FileNaming.FOSCAM.fileName("00626E5A2B1C", time, 0, true)).isEqualTo("MDalarm_20160830_155137.avi");
		assertThat(FileNaming.FOSCAM_LEGACY.fileName("000DC5D4D0F7", time, 219, false))
			.isEqualTo("000DC5D4D0F7(cam)_1_20160830155137_1219.jpg");
	}

	@Test
	void computesNearestRankLatencyPercentiles() {
		List<CameraSimulator.Upload> uploads = java.util.stream.LongStream.rangeClosed(1, 100)
			.mapToObj((ms) -> new CameraSimulator.Upload("c", "p", 1000, "h", 226, ms * 1_000_000, true, "226"))
			.toList();
		SimulationResult result = new SimulationResult(uploads, Duration.ofSeconds(2));

		assertThat(result.latency(50)).isEqualTo(Duration.ofMillis(50));
		assertThat(result.latency(99)).isEqualTo(Duration.ofMillis(99));
		assertThat(result.filesPerSecond()).isEqualTo(50.0);
		assertThat(result.megabytesPerSecond()).isEqualTo(0.05);
	}

	@Test
	void loadsOnlyCameraSizedSnapshotsAndClips() {
		MediaPool pool = MediaPool.load(TestMedia.root());
		assertThat(pool.snapshots()).isNotEmpty()
			.allMatch((file) -> file.content().length >= 100 * 1024 && file.content().length <= 400 * 1024);
		assertThat(pool.clips()).extracting(MediaPool.MediaFile::name).contains("vtest.avi");
	}

}
