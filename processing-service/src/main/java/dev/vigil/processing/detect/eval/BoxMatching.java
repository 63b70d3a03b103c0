package dev.vigil.processing.detect.eval;

import java.util.Comparator;
import java.util.List;

/**
 * Matches detections to labelled people by box overlap, as object-detection benchmarks
 * do: detections at or above a threshold, best first, each take the unmatched person they
 * overlap most if the IoU reaches the minimum (a hit); a detection that matches no one
 * but lies on a don't-care region counts neither way; any other, including a second box
 * on an already found person, is a false alarm. People left unmatched are misses.
 */
final class BoxMatching {

	private BoxMatching() {
	}

	/**
	 * A detection: how sure, and where.
	 *
	 * @param confidence 0..1
	 * @param box where
	 */
	record Found(double confidence, Box box) {

	}

	/**
	 * Counts on one picture.
	 *
	 * @param hits people found
	 * @param falseAlarms detections that are no (new) person
	 * @param misses people not found
	 */
	record Counts(int hits, int falseAlarms, int misses) {

	}

	static Counts match(List<Found> found, List<Box> people, List<Box> ignore, double threshold, double minIou) {
		boolean[] taken = new boolean[people.size()];
		int hits = 0;
		int falseAlarms = 0;
		List<Found> ranked = found.stream()
			.filter((f) -> f.confidence() >= threshold)
			.sorted(Comparator.comparingDouble(Found::confidence).reversed())
			.toList();
		for (Found f : ranked) {
			int best = -1;
			double bestIou = minIou;
			for (int i = 0; i < people.size(); i++) {
				double iou = f.box().iou(people.get(i));
				if (!taken[i] && iou >= bestIou) {
					best = i;
					bestIou = iou;
				}
			}
			if (best >= 0) {
				taken[best] = true;
				hits++;
			}
			else if (!onDontCare(f.box(), ignore, minIou)) {
				falseAlarms++;
			}
		}
		return new Counts(hits, falseAlarms, people.size() - hits);
	}

	/**
	 * Whether the box overlaps a don't-care region enough (by IoU, or half of the box
	 * inside it: a region may be larger than a person).
	 */
	static boolean onDontCare(Box box, List<Box> ignore, double minIou) {
		return ignore.stream().anyMatch((r) -> r.iou(box) >= minIou || r.intersection(box) >= 0.5 * box.area());
	}

}
