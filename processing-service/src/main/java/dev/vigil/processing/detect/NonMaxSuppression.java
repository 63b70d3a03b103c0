package dev.vigil.processing.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.vigil.contracts.BoundingBox;
import dev.vigil.contracts.Detection;

/**
 * Greedy non-maximum suppression: keeps the most confident box and drops others of the
 * same label that overlap it by more than a threshold (intersection over the smaller box,
 * so a box nested inside a person's box, a typical HOG double hit, is dropped too).
 */
final class NonMaxSuppression {

	private NonMaxSuppression() {
	}

	static List<Detection> apply(List<Detection> detections, double maxOverlap) {
		List<Detection> sorted = new ArrayList<>(detections);
		sorted.sort(Comparator.comparingDouble(Detection::confidence).reversed());
		List<Detection> kept = new ArrayList<>();
		for (Detection candidate : sorted) {
			boolean suppressed = false;
			for (Detection k : kept) {
				if (k.label().equals(candidate.label()) && overlap(k.box(), candidate.box()) > maxOverlap) {
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

	static double overlap(BoundingBox a, BoundingBox b) {
		long ix = Math.max(0, Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x()));
		long iy = Math.max(0, Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y()));
		long intersection = ix * iy;
		long smaller = Math.min((long) a.width() * a.height(), (long) b.width() * b.height());
		return (smaller > 0) ? (double) intersection / smaller : 0.0;
	}

}
