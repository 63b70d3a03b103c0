package dev.vigil.processing.image;

import java.time.ZoneId;
import java.util.Map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How stills are decoded and thumbnailed.
 *
 * @param thumbnailWidth width of thumbnails in pixels (never upscaled)
 * @param thumbnailQuality JPEG quality of thumbnails and posters, 0 to 1
 * @param maxDecodePixels images with more pixels are decoded subsampled so that the
 * decoded raster stays under this many pixels (memory cap: 4 bytes per pixel)
 * @param maxPixels images whose header declares more pixels are rejected as
 * {@code UNSUPPORTED} without decoding
 * @param defaultTimeZone zone of EXIF times that carry no offset
 * @param cameraTimeZones per-camera zone of EXIF times, by camera id
 */
@Validated
@ConfigurationProperties("vigil.processing.image")
public record ImageProperties(@DefaultValue("320") @Min(16) int thumbnailWidth,
		@DefaultValue("0.8") @DecimalMin("0.1") @DecimalMax("1.0") float thumbnailQuality,
		@DefaultValue("50000000") @Min(1) long maxDecodePixels, @DefaultValue("500000000") @Min(1) long maxPixels,
		@DefaultValue("UTC") ZoneId defaultTimeZone, Map<String, ZoneId> cameraTimeZones) {

	public ImageProperties {
		cameraTimeZones = (cameraTimeZones != null) ? Map.copyOf(cameraTimeZones) : Map.of();
	}

	/** Defaults, for tests and tools. */
	public static ImageProperties defaults() {
		return new ImageProperties(320, 0.8f, 50_000_000L, 500_000_000L, ZoneId.of("UTC"), Map.of());
	}

	ZoneId timeZone(String cameraId) {
		return this.cameraTimeZones.getOrDefault(cameraId, this.defaultTimeZone);
	}

}
