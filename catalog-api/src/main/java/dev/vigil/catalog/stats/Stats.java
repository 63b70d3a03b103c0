package dev.vigil.catalog.stats;

import java.util.List;

/**
 * The statistics.
 *
 * @param uploadsPerDay uploads and bytes per camera and UTC day
 * @param confidenceHistogram detections per label and confidence decile
 * @param storage media and bytes of originals per camera
 */
record Stats(List<DayCount> uploadsPerDay, List<HistogramBucket> confidenceHistogram, List<Storage> storage) {

	record DayCount(String cameraId, String day, long uploads, long bytes) {

	}

	record HistogramBucket(String label, double from, double to, long detections) {

	}

	record Storage(String cameraId, long media, long bytes) {

	}

}
