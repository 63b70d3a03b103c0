package dev.vigil.processing.detect.eval;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import dev.vigil.devstack.TestMedia;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The box-labelled set as the evaluation reads it: its size, its halves, and labels that
 * fit the real pictures and their variants.
 */
class LabelledSetTests {

	private static List<LabelledPicture> pictures;

	private static List<Variant.Sample> samples;

	@BeforeAll
	static void load() throws Exception {
		pictures = LabelledPicture.read(Path.of("src/test/resources/eval/people-boxes.csv"));
		samples = BoxEvaluation.samples(pictures, TestMedia.root());
	}

	@Test
	void holdsAtLeastFortyPicturesWithPeopleAndThirtyWithoutInEachHalfWithVariants() {
		for (boolean tune : new boolean[] { true, false }) {
			List<Variant.Sample> half = samples.stream().filter((s) -> s.picture().tune() == tune).toList();
			assertThat(half.stream().filter(Variant.Sample::hasPeople).count()).isGreaterThanOrEqualTo(20);
			assertThat(half.stream().filter((s) -> !s.hasPeople()).count()).isGreaterThanOrEqualTo(15);
		}
		assertThat(samples.stream().filter(Variant.Sample::hasPeople).count()).isGreaterThanOrEqualTo(40);
		assertThat(samples.stream().filter((s) -> !s.hasPeople()).count()).isGreaterThanOrEqualTo(30);
		assertThat(pictures.stream().map(LabelledPicture::id).distinct().count()).isEqualTo(pictures.size());
	}

	@Test
	void labelsEveryPersonInsideItsPicture() {
		for (Variant.Sample sample : samples) {
			BufferedImage image = sample.image();
			for (Box box : sample.people()) {
				assertThat(box.x()).as(sample.id()).isGreaterThanOrEqualTo(0);
				assertThat(box.y()).as(sample.id()).isGreaterThanOrEqualTo(0);
				assertThat(box.x() + box.width()).as(sample.id()).isLessThanOrEqualTo(image.getWidth() + 1);
				assertThat(box.y() + box.height()).as(sample.id()).isLessThanOrEqualTo(image.getHeight() + 1);
				assertThat(box.height()).as(sample.id()).isGreaterThanOrEqualTo(Variant.MIN_PERSON_HEIGHT);
			}
		}
	}

	@Test
	void makesVariantsOfTheSameSizeOrSmallerWithTheLabelsMoved() {
		LabelledPicture person = pictures.stream()
			.filter((p) -> p.id().equals("darknet/person.jpg"))
			.findFirst()
			.orElseThrow();
		List<Variant.Sample> made = samples.stream().filter((s) -> s.picture() == person).toList();
		assertThat(made).extracting(Variant.Sample::variant)
			.containsExactly(Variant.ORIGINAL, Variant.NIGHT, Variant.LOW_QUALITY, Variant.EDGE_CROP);
		Variant.Sample night = made.get(1);
		int rgb = night.image().getRGB(200, 200);
		// Grey: the three channels are equal.
		assertThat((rgb >> 16) & 0xFF).isEqualTo(rgb & 0xFF);
		Variant.Sample small = made.get(2);
		assertThat(small.image().getWidth()).isEqualTo(320);
		assertThat(small.people().getFirst().height()).isEqualTo(person.people().getFirst().height() / 2);
		Variant.Sample crop = made.get(3);
		// The frame edge runs through the middle of the woman: about half of her is left.
		assertThat(crop.people()).hasSize(1);
		assertThat(crop.people().getFirst().x()).isZero();
		assertThat(crop.people().getFirst().width()).isBetween(40.0, 50.0);
	}

	@Test
	void refusesLabelLinesWithoutAHalfOrWithBrokenBoxes() {
		assertThatIllegalArgumentException().isThrownBy(() -> LabelledPicture.parse("darknet/dog.jpg,both,,a dog"))
			.withMessageContaining("tune");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LabelledPicture.parse("darknet/dog.jpg,tune,10 20 30,a dog"))
			.withMessageContaining("x y width height");
	}

}
