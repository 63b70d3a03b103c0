package dev.vigil.processing.detect;

import org.jspecify.annotations.Nullable;

/**
 * Which detector runs, and why: the configured kind, the detector actually running (null
 * when detection is off), and, when the CNN could not be used and HOG runs in its place,
 * the reason. Shown in {@code /actuator/health} ({@code detector}) and as the
 * {@code vigil.processing.detector.active} gauge.
 *
 * @param requested {@code vigil.processing.detection.detector}
 * @param detector the running detector, or null
 * @param fallbackReason why the requested detector is not the one running, or null
 */
public record DetectorSelection(DetectionProperties.Kind requested, @Nullable Detector detector,
		@Nullable String fallbackReason) {

}
