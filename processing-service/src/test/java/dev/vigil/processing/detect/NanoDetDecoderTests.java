package dev.vigil.processing.detect;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NanoDetDecoderTests {

	private static final int CLASSES = 80;

	@Test
	void expectedBinIsTheSoftmaxWeightedMean() {
		float[] logits = new float[NanoDetDecoder.BINS];
		logits[3] = 50;
		assertThat(NanoDetDecoder.expectedBin(logits, 0)).isCloseTo(3f, within(1e-3f));
		float[] flat = new float[NanoDetDecoder.BINS];
		assertThat(NanoDetDecoder.expectedBin(flat, 0)).isCloseTo(5f, within(1e-3f));
	}

	@Test
	void decodesACellIntoABoxAroundItsCentreAndFoldsClassesIntoLabels() {
		// A 2 x 2 grid at stride 16; cell 3 (column 1, row 1): centre (24, 24).
		float[] scores = new float[4 * CLASSES];
		scores[3 * CLASSES + CocoLabels.CLASSES.indexOf("car")] = 0.6f;
		scores[3 * CLASSES + CocoLabels.CLASSES.indexOf("truck")] = 0.7f;
		scores[3 * CLASSES + CocoLabels.CLASSES.indexOf("kite")] = 0.9f;
		float[] distances = new float[4 * 4 * NanoDetDecoder.BINS];
		int offset = 3 * 4 * NanoDetDecoder.BINS;
		distances[offset + 1] = 50; // left: 1 bin
		distances[offset + NanoDetDecoder.BINS + 2] = 50; // top: 2 bins
		distances[offset + 2 * NanoDetDecoder.BINS + 1] = 50; // right: 1 bin
		distances[offset + 3 * NanoDetDecoder.BINS + 3] = 50; // bottom: 3 bins
		List<NanoDetDecoder.Box> boxes = new NanoDetDecoder(0.5f, 0.6f)
			.decode(List.of(new NanoDetDecoder.Level(16, 2, scores, distances)));
		assertThat(boxes).hasSize(1);
		NanoDetDecoder.Box box = boxes.get(0);
		assertThat(box.label()).isEqualTo("vehicle");
		assertThat(box.score()).isEqualTo(0.7f);
		assertThat(box.x1()).isCloseTo(24 - 16f, within(0.01f));
		assertThat(box.y1()).isCloseTo(24 - 32f, within(0.01f));
		assertThat(box.x2()).isCloseTo(24 + 16f, within(0.01f));
		assertThat(box.y2()).isCloseTo(24 + 48f, within(0.01f));
	}

	@Test
	void suppressesOverlappingBoxesOfTheSameLabelOnly() {
		NanoDetDecoder.Box a = new NanoDetDecoder.Box("person", 0.9f, 0, 0, 100, 200);
		NanoDetDecoder.Box b = new NanoDetDecoder.Box("person", 0.8f, 5, 5, 105, 205);
		NanoDetDecoder.Box c = new NanoDetDecoder.Box("animal", 0.7f, 5, 5, 105, 205);
		assertThat(NanoDetDecoder.iou(a, b)).isGreaterThan(0.8f);
		assertThat(NanoDetDecoder.iou(a, new NanoDetDecoder.Box("person", 1, 200, 0, 300, 100))).isZero();
		assertThat(new NanoDetDecoder(0.2f, 0.6f).suppress(List.of(b, c, a))).containsExactly(a, c);
	}

}
