package dev.vigil.catalog.event;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Splits one camera's uploads into events: sorted by time, a new event starts wherever
 * the distance to the previous upload is longer than the gap. Exactly the gap still
 * joins. The result depends only on the set of times, never on the order they were added.
 */
final class Stitching {

	private Stitching() {
	}

	static <T> List<List<T>> split(List<T> items, Function<T, Instant> time, Comparator<T> tieBreak, Duration gap) {
		List<T> sorted = new ArrayList<>(items);
		sorted.sort(Comparator.comparing(time).thenComparing(tieBreak));
		List<List<T>> events = new ArrayList<>();
		List<T> current = new ArrayList<>();
		Instant previous = null;
		for (T item : sorted) {
			Instant at = time.apply(item);
			if (previous != null && Duration.between(previous, at).compareTo(gap) > 0) {
				events.add(current);
				current = new ArrayList<>();
			}
			current.add(item);
			previous = at;
		}
		if (!current.isEmpty()) {
			events.add(current);
		}
		return events;
	}

	static String eventId(String cameraId, Instant start) {
		return cameraId + "." + start.toEpochMilli();
	}

}
