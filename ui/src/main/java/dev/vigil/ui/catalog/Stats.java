package dev.vigil.ui.catalog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.jspecify.annotations.Nullable;

/**
 * Statistics as {@code GET /api/v1/stats} reports them.
 *
 * @param uploadsPerCameraPerDay uploads per camera and day
 * @param confidenceHistogram detection confidences in deciles
 * @param storagePerCamera bytes stored per camera
 */
public record Stats(@JsonAlias("uploads") List<DayCount> uploadsPerCameraPerDay,
		@JsonAlias("confidence") List<Bucket> confidenceHistogram,
		@JsonAlias("storage") List<Storage> storagePerCamera) {

	public Stats {
		uploadsPerCameraPerDay = (uploadsPerCameraPerDay != null) ? List.copyOf(uploadsPerCameraPerDay) : List.of();
		confidenceHistogram = (confidenceHistogram != null) ? List.copyOf(confidenceHistogram) : List.of();
		storagePerCamera = (storagePerCamera != null) ? List.copyOf(storagePerCamera) : List.of();
	}

	/**
	 * Uploads of one camera on one day.
	 *
	 * @param cameraId camera
	 * @param day {@code yyyy-MM-dd}
	 * @param count uploads
	 */
	public record DayCount(String cameraId, String day, long count) {

	}

	/**
	 * One decile of the confidence histogram.
	 *
	 * @param bucket 0 (0–10 %) to 9 (90–100 %)
	 * @param label the label counted, if the API says
	 * @param count detections in it
	 */
	public record Bucket(int bucket, @Nullable String label, long count) {

	}

	/**
	 * Storage of one camera.
	 *
	 * @param cameraId camera
	 * @param bytes bytes of originals (and derived objects, if the API counts them)
	 * @param count media items
	 */
	public record Storage(String cameraId, @JsonAlias("totalBytes") long bytes, @JsonAlias("media") long count) {

	}

}
