package dev.vigil.ui.catalog;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Review state from catalog-api's {@code /api/v1/reviews}.
 */
public final class Review {

	private Review() {
	}

	/**
	 * An event with the signed-in person's review state.
	 *
	 * @param event the event
	 * @param reviewed whether this person reviewed it
	 * @param alert whether an alert-worthy label (person, vehicle, animal) was detected
	 */
	public record ReviewedEvent(Event event, boolean reviewed, boolean alert) {

	}

	/**
	 * What is left to review.
	 *
	 * @param unreviewed events not reviewed yet
	 * @param unreviewedAlerts of those, alerts
	 * @param capped whether the counts stopped at catalog-api's limit
	 * @param nextUnreviewed the newest unreviewed event
	 * @param reviewedUpTo the "mark all reviewed" watermark
	 */
	public record Summary(long unreviewed, long unreviewedAlerts, boolean capped, @Nullable String nextUnreviewed,
			@Nullable Instant reviewedUpTo) {

		public String badge() {
			return this.capped ? this.unreviewed + "+" : String.valueOf(this.unreviewed);
		}

	}

}
