package dev.vigil.processing.detect;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;

import javax.imageio.ImageIO;

import dev.vigil.contracts.BoundingBox;
import dev.vigil.contracts.Detection;
import dev.vigil.devstack.TestMedia;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NanoDetDetectorTests {

	private static final double THRESHOLD = 0.5;

	private static NanoDetDetector detector;

	@BeforeAll
	static void load() {
		detector = new NanoDetDetector(NanoDetModel.load(NanoDetModel.locate(null)), NanoDetProperties.defaults());
	}

	@AfterAll
	static void close() {
		detector.close();
	}

	@Test
	void findsTheWomanInPersonJpg() throws IOException {
		List<Detection> found = above(detector.detect(read("darknet/person.jpg")));
		// Hand-measured: the woman stands at x 190..275, y 95..375 of the 640x424 image.
		BoundingBox woman = new BoundingBox(190, 95, 85, 280);
		assertThat(found).anySatisfy((d) -> {
			assertThat(d.label()).isEqualTo("person");
			assertThat(iou(d.box(), woman)).isGreaterThan(0.5);
		});
	}

	static double iou(BoundingBox a, BoundingBox b) {
		long ix = Math.max(0, Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x()));
		long iy = Math.max(0, Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y()));
		long intersection = ix * iy;
		long union = (long) a.width() * a.height() + (long) b.width() * b.height() - intersection;
		return (double) intersection / union;
	}

	private static List<Detection> above(List<Detection> detections) {
		return detections.stream().filter((d) -> d.confidence() >= THRESHOLD).toList();
	}

	static BufferedImage read(String name) throws IOException {
		return ImageIO.read(TestMedia.file(name).toFile());
	}

}
