package dev.vigil.ui.catalog;

import java.time.Instant;

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

}
