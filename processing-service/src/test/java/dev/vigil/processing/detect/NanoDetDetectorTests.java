package dev.vigil.processing.detect;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import dev.vigil.contracts.BoundingBox;
import dev.vigil.contracts.Detection;
import dev.vigil.devstack.TestMedia;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CNN on real pictures (darknet samples, frames of OpenCV's pedestrian clip), also
 * made dark, grey and noisy like a night IR shot, and odd sizes; compared with HOG on the
 * same pictures. The model is the one {@code ./vigil setup} caches.
 */
class NanoDetDetectorTests {

	private static final double THRESHOLD = 0.5;

	private static NanoDetDetector detector;

	private static final HogDetector hog = new HogDetector(HogProperties.defaults());

	@BeforeAll
	static void load() {
		detector = new NanoDetDetector(NanoDetModel.load(NanoDetModel.locate(null)), NanoDetProperties.defaults());
	}

	@AfterAll
	static void close() {
		detector.close();
	}

	@Test
	void findsTheWomanInPersonJpgWithHerBox() throws IOException {
		List<Detection> found = people(detector.detect(read("darknet/person.jpg")));
		// Hand-measured: the woman stands at x 190..275, y 95..375 of the 640x424 image.
		BoundingBox woman = new BoundingBox(190, 95, 85, 280);
		assertThat(found).hasSize(1);
		assertThat(iou(found.get(0).box(), woman)).isGreaterThan(0.6);
	}

	@Test
	void warmingUpOnABlankFrameChangesNoResult() throws IOException {
		BufferedImage person = read("darknet/person.jpg");
		List<Detection> before = detector.detect(person);
		assertThat(detector.warmUp()).isNotNegative();
		assertThat(detector.detect(person)).isEqualTo(before);
	}

	@Test
	void reportsTheDogAndTheHorseBesideHerAsAnimals() throws IOException {
		List<Detection> animals = labelled(detector.detect(read("darknet/person.jpg")), "animal");
		// The horse on the right (x ~ 405..600) and the dog on the left (x ~ 60..200).
		assertThat(animals).anySatisfy((d) -> assertThat(d.box().x()).isBetween(380, 440));
	}

	@Test
	void reportsTheVehiclesAndTheDogOfDogJpg() throws IOException {
		List<Detection> found = detector.detect(read("darknet/dog.jpg"));
		assertThat(labelled(found, "vehicle")).isNotEmpty();
		assertThat(found).anySatisfy((d) -> {
			assertThat(d.label()).isEqualTo("animal");
			assertThat(d.confidence()).isGreaterThan(0.3);
		});
		assertThat(people(found)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "darknet/dog.jpg", "darknet/horses.jpg", "darknet/eagle.jpg", "darknet/giraffe.jpg",
			"opencv/home.jpg", "opencv/building.jpg", "opencv/leuvenA.jpg" })
	void findsNobodyInPicturesWithoutPeople(String picture) throws IOException {
		assertThat(people(detector.detect(read(picture)))).isEmpty();
	}

	@Test
	void findsNobodyInTheTreeSwayingInTheWind() throws IOException {
		for (int frame : new int[] { 0, 30, 60 }) {
			assertThat(people(detector.detect(frame("opencv/tree.avi", frame)))).as("tree.avi frame %d", frame)
				.isEmpty();
		}
	}

	@Test
	void findsThePedestriansOfTheSquare() throws IOException {
		// Frame 200: seven walkers spread over the square (labels.csv).
		List<Detection> found = people(detector.detect(frame("opencv/vtest.avi", 200)));
		assertThat(found).hasSizeGreaterThanOrEqualTo(5);
		assertThat(found).allSatisfy((d) -> assertThat(d.box().height()).isBetween(50, 250));
	}

	@Test
	void findsPeopleAtNightInGreyNoisyDarkFramesWhereHogFindsFewer() throws IOException {
		int cnn = 0;
		int hogFound = 0;
		for (int frame : new int[] { 0, 200, 400, 600 }) {
			BufferedImage night = nightVision(frame("opencv/vtest.avi", frame), frame);
			int found = people(detector.detect(night)).size();
			assertThat(found).as("people in night-like frame %d", frame).isPositive();
			cnn += found;
			hogFound += people(hog.detect(night)).size();
		}
		assertThat(cnn).isGreaterThan(hogFound);
	}

	@Test
	void handlesOddSizesAndGreyscale() throws IOException {
		BufferedImage tiny = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
		assertThat(detector.detect(tiny)).isEmpty();
		BufferedImage strip = new BufferedImage(10000, 100, BufferedImage.TYPE_INT_RGB);
		assertThat(people(detector.detect(strip))).isEmpty();
		BufferedImage grey = new BufferedImage(640, 424, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = grey.createGraphics();
		g.drawImage(read("darknet/person.jpg"), 0, 0, null);
		g.dispose();
		assertThat(people(detector.detect(grey))).isNotEmpty();
	}

	/**
	 * A night IR look: greyscale, a quarter of the light, sensor noise (seeded).
	 */
	static BufferedImage nightVision(BufferedImage image, long seed) {
		BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Random random = new Random(seed);
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				Color c = new Color(image.getRGB(x, y));
				double luma = 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
				int v = (int) Math.max(0, Math.min(255, luma * 0.25 + random.nextGaussian() * 8));
				out.setRGB(x, y, new Color(v, v, v).getRGB());
			}
		}
		return out;
	}

	static double iou(BoundingBox a, BoundingBox b) {
		long ix = Math.max(0, Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x()));
		long iy = Math.max(0, Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y()));
		long intersection = ix * iy;
		long union = (long) a.width() * a.height() + (long) b.width() * b.height() - intersection;
		return (double) intersection / union;
	}

	private static List<Detection> people(List<Detection> detections) {
		return labelled(detections, "person");
	}

	private static List<Detection> labelled(List<Detection> detections, String label) {
		return detections.stream().filter((d) -> d.label().equals(label) && d.confidence() >= THRESHOLD).toList();
	}

	private static BufferedImage copy(BufferedImage image) {
		BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
		Graphics2D g = out.createGraphics();
		g.drawImage(image, 0, 0, null);
		g.dispose();
		return out;
	}

	static BufferedImage read(String name) throws IOException {
		return ImageIO.read(TestMedia.file(name).toFile());
	}

	static BufferedImage frame(String clip, int index) throws IOException {
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(TestMedia.file(clip).toFile());
				Java2DFrameConverter converter = new Java2DFrameConverter()) {
			grabber.start();
			int i = 0;
			Frame f;
			while ((f = grabber.grabImage()) != null) {
				if (i++ == index) {
					return Java2DFrameConverter.cloneBufferedImage(converter.getBufferedImage(f));
				}
			}
			throw new IOException(clip + " has no frame " + index);
		}
	}

}
