package dev.vigil.processing.video;

import java.awt.image.BufferedImage;
import java.time.Instant;

import dev.vigil.contracts.ProcessingStatus;
import org.jspecify.annotations.Nullable;

/**
 * What was learnt from a clip.
 *
 * @param status {@code OK}, or {@code CORRUPT} when decoding failed part way
 * @param reason why, when not {@code OK}
 * @param width frame width
 * @param height frame height
 * @param durationMs duration from the container, or of the decoded frames
 * @param codec the original's video codec, e.g. {@code mpeg4}
 * @param poster the frame with the most motion (the only frame of a one-frame clip)
 * @param posterMs offset of the poster frame
 * @param renditionWritten whether the rendition file holds a playable H.264 MP4
 * @param rendition how the rendition was made
 * @param framesDecoded decoded frames
 * @param createdAt the container's creation time, if it has one
 */
public record VideoResult(ProcessingStatus status, @Nullable String reason, int width, int height, long durationMs,
		String codec, BufferedImage poster, long posterMs, boolean renditionWritten, Rendition rendition,
		long framesDecoded, @Nullable Instant createdAt) {

}
