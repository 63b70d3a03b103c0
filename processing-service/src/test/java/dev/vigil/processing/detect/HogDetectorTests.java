package dev.vigil.processing.detect;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;

import javax.imageio.ImageIO;

import dev.vigil.contracts.BoundingBox;
import dev.vigil.contracts.Detection;
import dev.vigil.devstack.TestMedia;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HogDetectorTests {

	private static final double DEFAULT_THRESHOLD = 0.5;

	private final HogDetector detector = new HogDetector(HogProperties.defaults());

	@Test
	void findsTheWomanInPersonJpg() throws IOException {
		List<Detection> found = above(this.detector.detect(read("darknet/person.jpg")));
		assertThat(found).isNotEmpty();
		// Hand-measured: the woman stands at x 190..275, y 95..375 of the 640x424 image.
		BoundingBox woman = new BoundingBox(190, 95, 85, 280);
		assertThat(found).anySatisfy((d) -> {
			assertThat(d.label()).isEqualTo("person");
			assertThat(NonMaxSuppression.overlap(d.box(), woman)).isGreaterThan(0.5);
		});
	}

	@Test
	void reportsThePersonsBoxNotTheDetectionWindow() throws IOException {
		// The window has a margin around the person; the box drawn and matched is the
		// person's (intersection over union with the hand-measured box).
		BoundingBox woman = new BoundingBox(190, 95, 85, 280);
		Detection best = above(this.detector.detect(read("darknet/person.jpg"))).getFirst();
		double overlapWidth = Math.min(best.box().x() + best.box().width(), 275) - Math.max(best.box().x(), 190);
		double overlapHeight = Math.min(best.box().y() + best.box().height(), 375) - Math.max(best.box().y(), 95);
		double overlap = Math.max(0, overlapWidth) * Math.max(0, overlapHeight);
		double iou = overlap / (best.box().width() * best.box().height() + woman.width() * woman.height() - overlap);
		assertThat(iou).isGreaterThan(0.6);
	}

	@ParameterizedTest
	@ValueSource(strings = { "darknet/dog.jpg", "darknet/horses.jpg", "darknet/eagle.jpg", "opencv/home.jpg" })
	void findsNobodyInPicturesWithoutPeople(String picture) throws IOException {
		assertThat(above(this.detector.detect(read(picture)))).isEmpty();
	}

	@Test
	void mapsSvmScoresMonotonicallyToConfidence() {
		assertThat(this.detector.confidence(1.35)).isEqualTo(0.5);
		assertThat(this.detector.confidence(0.0)).isBetween(0.0, 0.1);
		assertThat(this.detector.confidence(3.0)).isBetween(0.95, 1.0);
		assertThat(this.detector.confidence(2.0)).isGreaterThan(this.detector.confidence(1.5));
	}

	@Test
	void returnsBoxesInsideTheImage() throws IOException {
		BufferedImage image = read("darknet/kite.jpg");
		for (Detection d : this.detector.detect(image)) {
			assertThat(d.box().x() + d.box().width()).isLessThanOrEqualTo(image.getWidth());
			assertThat(d.box().y() + d.box().height()).isLessThanOrEqualTo(image.getHeight());
			assertThat(d.confidence()).isBetween(0.0, 1.0);
		}
	}

	private static List<Detection> above(List<Detection> detections) {
		return detections.stream().filter((d) -> d.confidence() >= DEFAULT_THRESHOLD).toList();
	}

	private static BufferedImage read(String name) throws IOException {
		return ImageIO.read(TestMedia.file(name).toFile());
	}

}
