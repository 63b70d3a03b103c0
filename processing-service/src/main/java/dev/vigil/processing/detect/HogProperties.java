package dev.vigil.processing.detect;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of OpenCV's HOG + linear SVM people detector (Dalal and Triggs). Its window is
 * 64x128 with the person about 96 px tall inside, so people smaller than that are only
 * found when the image is upscaled first.
 *
 * @param upscale factor applied to the image before detection (1.5: people of ~64 px
 * become ~96 px)
 * @param maxWidth upper bound of the working width after upscaling, bounds CPU time on
 * large frames
 * @param winStride window step in pixels (8 = one HOG cell; 4 is finer and ~4x slower)
 * @param padding padding around the image in pixels
 * @param pyramidScale step between pyramid levels (1.05 fine, 1.2 coarse and fast)
 * @param groupThreshold minimum number of overlapping raw hits for a detection (OpenCV's
 * grouping; 0 disables it)
 * @param maxOverlap non-maximum suppression: drop boxes overlapping a better one by more
 * than this share of the smaller box
 * @param confidenceMidpoint SVM score that maps to confidence 0.5
 * @param confidenceSpread SVM score distance that moves confidence from 0.5 to 0.73
 * (logistic)
 */
public record HogProperties(@DefaultValue("1.5") @DecimalMin("0.25") double upscale,
		@DefaultValue("1600") @Min(64) int maxWidth, @DefaultValue("8") @Min(1) int winStride,
		@DefaultValue("8") @Min(0) int padding, @DefaultValue("1.05") @DecimalMin("1.01") double pyramidScale,
		@DefaultValue("2") @Min(0) int groupThreshold, @DefaultValue("0.6") @DecimalMin("0.0") double maxOverlap,
		@DefaultValue("1.35") double confidenceMidpoint,
		@DefaultValue("0.4") @DecimalMin("0.01") double confidenceSpread) {

	/** Defaults, for tests and tools. */
	public static HogProperties defaults() {
		return new HogProperties(1.5, 1600, 8, 8, 1.05, 2, 0.6, 1.35, 0.4);
	}

}
