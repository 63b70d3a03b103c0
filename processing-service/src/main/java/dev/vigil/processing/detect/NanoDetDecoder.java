package dev.vigil.processing.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Decodes NanoDet's raw outputs into boxes: per feature level (stride 8, 16, 32 on the
 * 416 x 416 input) one row per grid cell, with 80 class scores (already through a
 * sigmoid) and a box as four distributions (left, top, right, bottom; {@code bins} bins
 * each, "generalized focal loss" regression). A side's distance is the expected bin under
 * a softmax of its logits, times the stride; the cell's centre is
 * {@code ((col + 0.5) * stride, (row + 0.5) * stride)}. COCO classes are folded into
 * Vigil's labels (best class per label and cell), then greedy non-maximum suppression by
 * intersection over union runs per label.
 */
final class NanoDetDecoder {

	/** Bins per side of NanoDet-m's box distributions (reg_max 10). */
	static final int BINS = 11;

	private final float minScore;

	private final float maxIou;

	/**
	 * A decoder.
	 * @param minScore cells below this score are dropped before NMS
	 * @param maxIou NMS: boxes of the same label overlapping a better one by more than
	 * this (intersection over union) are dropped
	 */
	NanoDetDecoder(float minScore, float maxIou) {
		this.minScore = minScore;
		this.maxIou = maxIou;
	}

	/**
	 * One feature level of the network's output.
	 *
	 * @param stride input pixels per cell
	 * @param columns grid width
	 * @param scores cells × 80 class scores
	 * @param distances cells × (4 × {@link #BINS}) box logits
	 */
	record Level(int stride, int columns, float[] scores, float[] distances) {

	}

	/**
	 * A box in input pixels.
	 *
	 * @param label Vigil label
	 * @param score class score 0..1
	 * @param x1 left
	 * @param y1 top
	 * @param x2 right
	 * @param y2 bottom
	 */
	record Box(String label, float score, float x1, float y1, float x2, float y2) {

		float area() {
			return Math.max(0, this.x2 - this.x1) * Math.max(0, this.y2 - this.y1);
		}

	}

	List<Box> decode(List<Level> levels) {
		List<Box> candidates = new ArrayList<>();
		int classes = CocoLabels.CLASSES.size();
		int[] labelOf = new int[classes];
		for (int c = 0; c < classes; c++) {
			String label = CocoLabels.label(c);
			labelOf[c] = (label != null) ? CocoLabels.REPORTED.indexOf(label) : -1;
		}
		float[] best = new float[CocoLabels.REPORTED.size()];
		for (Level level : levels) {
			int cells = level.scores().length / classes;
			for (int cell = 0; cell < cells; cell++) {
				Arrays.fill(best, 0f);
				for (int c = 0; c < classes; c++) {
					if (labelOf[c] >= 0) {
						best[labelOf[c]] = Math.max(best[labelOf[c]], level.scores()[cell * classes + c]);
					}
				}
				for (int l = 0; l < best.length; l++) {
					if (best[l] >= this.minScore) {
						candidates.add(box(level, cell, CocoLabels.REPORTED.get(l), best[l]));
					}
				}
			}
		}
		return suppress(candidates);
	}

	private static Box box(Level level, int cell, String label, float score) {
		float cx = (cell % level.columns() + 0.5f) * level.stride();
		float cy = (cell / level.columns() + 0.5f) * level.stride();
		int offset = cell * 4 * BINS;
		float left = expectedBin(level.distances(), offset) * level.stride();
		float top = expectedBin(level.distances(), offset + BINS) * level.stride();
		float right = expectedBin(level.distances(), offset + 2 * BINS) * level.stride();
		float bottom = expectedBin(level.distances(), offset + 3 * BINS) * level.stride();
		return new Box(label, score, cx - left, cy - top, cx + right, cy + bottom);
	}

	static float expectedBin(float[] logits, int offset) {
		float max = Float.NEGATIVE_INFINITY;
		for (int i = 0; i < BINS; i++) {
			max = Math.max(max, logits[offset + i]);
		}
		double sum = 0;
		double weighted = 0;
		for (int i = 0; i < BINS; i++) {
			double e = Math.exp(logits[offset + i] - max);
			sum += e;
			weighted += e * i;
		}
		return (float) (weighted / sum);
	}

	List<Box> suppress(List<Box> candidates) {
		List<Box> sorted = new ArrayList<>(candidates);
		sorted.sort(Comparator.comparingDouble(Box::score).reversed());
		List<Box> kept = new ArrayList<>();
		for (Box candidate : sorted) {
			boolean suppressed = false;
			for (Box k : kept) {
				if (k.label().equals(candidate.label()) && iou(k, candidate) > this.maxIou) {
					suppressed = true;
					break;
				}
			}
			if (!suppressed) {
				kept.add(candidate);
			}
		}
		return kept;
	}

	static float iou(Box a, Box b) {
		float ix = Math.max(0, Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1()));
		float iy = Math.max(0, Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1()));
		float intersection = ix * iy;
		float union = a.area() + b.area() - intersection;
		return (union > 0) ? intersection / union : 0;
	}

}
