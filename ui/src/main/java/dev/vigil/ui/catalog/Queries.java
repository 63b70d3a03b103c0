package dev.vigil.ui.catalog;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Filters of the listing endpoints; null means "not filtered".
 */
public final class Queries {

	private Queries() {
	}

	/**
	 * Filter of {@code GET /events}.
	 *
	 * @param camera camera id
	 * @param from inclusive start
	 * @param to exclusive end
	 * @param label detection label, e.g. {@code person}
	 * @param minConfidence minimum confidence of that label
	 * @param cursor page cursor
	 * @param limit page size
	 */
	public record Events(@Nullable String camera, @Nullable Instant from, @Nullable Instant to, @Nullable String label,
			@Nullable Double minConfidence, @Nullable String cursor, int limit) {

	}

	/**
	 * Filter of {@code GET /media}.
	 *
	 * @param camera camera id
	 * @param from inclusive start
	 * @param to exclusive end
	 * @param eventId event
	 * @param cursor page cursor
	 * @param limit page size
	 */
	public record Media(@Nullable String camera, @Nullable Instant from, @Nullable Instant to, @Nullable String eventId,
			@Nullable String cursor, int limit) {

	}

	/**
	 * Filter of {@code GET /reviews/events}.
	 *
	 * @param cameras any of these cameras; empty for all
	 * @param from inclusive start
	 * @param to exclusive end
	 * @param labels any of these detection labels; empty for any
	 * @param kind {@code alert}, {@code motion} or null for both
	 * @param reviewed reviewed (true), unreviewed (false) or both (null)
	 * @param held only events under legal hold (true), none of them (false), or both
	 * @param cursor page cursor
	 * @param limit page size
	 */
	public record ReviewSearch(List<String> cameras, @Nullable Instant from, @Nullable Instant to, List<String> labels,
			@Nullable String kind, @Nullable Boolean reviewed, @Nullable Boolean held, @Nullable String cursor,
			int limit) {

	}

}
