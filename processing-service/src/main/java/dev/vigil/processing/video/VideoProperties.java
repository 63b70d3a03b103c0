package dev.vigil.processing.video;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How clips are probed, sampled and transcoded.
 *
 * @param sampleInterval time between frames handed to the detector and the poster choice
 * @param maxSampledFrames most frames sampled per clip (bounds detector time on long
 * clips)
 * @param renditionMaxWidth renditions wider than this are scaled down (CPU on a Pi)
 * @param renditionBitsPerPixel H.264 bitrate as bits per pixel per frame (0.1 is ~1.1
 * Mbit/s at 768x576, 25 fps)
 * @param maxDuration clips longer than this are rejected as {@code UNSUPPORTED}: by the
 * container's claim before decoding, and by the decoded timestamps while decoding (a
 * container may lie)
 * @param maxFramePixels frames with more pixels (width × height from the stream header)
 * are rejected as {@code UNSUPPORTED} before any frame is decoded; FFmpeg's decoders get
 * the same cap ({@code max_pixels}) for frames whose header lies
 */
@Validated
@ConfigurationProperties("vigil.processing.video")
public record VideoProperties(@DefaultValue("1s") Duration sampleInterval,
		@DefaultValue("300") @Min(1) int maxSampledFrames,
		@DefaultValue("1280") @Min(64) @Max(7680) int renditionMaxWidth,
		@DefaultValue("0.1") double renditionBitsPerPixel, @DefaultValue("30m") Duration maxDuration,
		@DefaultValue("33177600") @Min(4096) long maxFramePixels) {

	/** 8K UHD (7680 × 4320): above every camera's stream. */
	public static final long DEFAULT_MAX_FRAME_PIXELS = 7680L * 4320L;

	/** Defaults, for tests and tools. */
	public static VideoProperties defaults() {
		return new VideoProperties(Duration.ofSeconds(1), 300, 1280, 0.1, Duration.ofMinutes(30),
				DEFAULT_MAX_FRAME_PIXELS);
	}

}
