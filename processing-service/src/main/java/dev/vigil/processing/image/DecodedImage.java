package dev.vigil.processing.image;

import java.awt.image.BufferedImage;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A still decoded upright.
 *
 * @param image the upright raster, possibly subsampled (see {@code scale})
 * @param width width of the full-resolution upright image
 * @param height height of the full-resolution upright image
 * @param scale full-resolution pixels per raster pixel (1 unless subsampled)
 * @param format the decoder's format name, e.g. {@code jpeg}
 * @param capturedAt EXIF capture time, if present
 * @param cameraModel EXIF make and model, if present
 */
public record DecodedImage(BufferedImage image, int width, int height, int scale, String format,
		@Nullable Instant capturedAt, @Nullable String cameraModel) {

}
