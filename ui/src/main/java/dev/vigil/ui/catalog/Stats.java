package dev.vigil.ui.catalog;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Statistics as {@code GET /api/v1/stats} reports them.
 *
 * @param uploadsPerDay uploads per camera and UTC day
 * @param confidenceHistogram detections per label and confidence decile
 * @param storage media and bytes per camera
 */
public record Stats(List<DayCount> uploadsPerDay, List<Bucket> confidenceHistogram, List<Storage> storage) {

	public Stats {
		uploadsPerDay = (uploadsPerDay != null) ? List.copyOf(uploadsPerDay) : List.of();
		confidenceHistogram = (confidenceHistogram != null) ? List.copyOf(confidenceHistogram) : List.of();
		storage = (storage != null) ? List.copyOf(storage) : List.of();
	}

	/**
	 * Uploads of one camera on one day.
	 *
	 * @param cameraId camera
	 * @param day {@code yyyy-MM-dd}, UTC
	 * @param uploads uploads
	 * @param bytes bytes of those uploads
	 */
	public record DayCount(String cameraId, String day, long uploads, long bytes) {

	}

	/**
	 * One decile of the confidence histogram, for one label.
	 *
	 * @param label the label counted
	 * @param from lower bound of the decile, 0 to 0.9
	 * @param to upper bound
	 * @param detections detections in it
	 */
	public record Bucket(@Nullable String label, double from, double to, long detections) {

		/**
		 * The decile.
		 * @return 0 (0–10 %) to 9 (90–100 %)
		 */
		public int index() {
			return (int) Math.min(9, Math.max(0, Math.round(this.from * 10)));
		}

	}

	/**
	 * Storage of one camera.
	 *
	 * @param cameraId camera
	 * @param media media items
	 * @param bytes bytes of originals
	 */
	public record Storage(String cameraId, long media, long bytes) {

	}

}
