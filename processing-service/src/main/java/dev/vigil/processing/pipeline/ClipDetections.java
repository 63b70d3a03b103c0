package dev.vigil.processing.pipeline;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.contracts.ClipSummary;
import dev.vigil.contracts.Detection;
import org.jspecify.annotations.Nullable;

/**
 * Collects the detections of a clip's sampled frames: all of them, the frame with the
 * best detection (the clip's poster: the moment someone is seen best, not merely the
 * moment with most motion), and per label its best confidence and the frames it appears
 * in.
 */
class ClipDetections {

	private final List<Detection> all = new ArrayList<>();

	private final Map<String, LabelFrames> labels = new LinkedHashMap<>();

	private int sampledFrames;

	private @Nullable BufferedImage bestFrame;

	private long bestFrameMs;

	private double bestConfidence = -1;

	/**
	 * One sampled frame and what counted in it (after the camera's policy).
	 * @param frame the frame, kept only while it is the best one
	 * @param frameMs its offset
	 * @param detections the detections that count
	 */
	void add(BufferedImage frame, long frameMs, List<Detection> detections) {
		this.sampledFrames++;
		this.all.addAll(detections);
		for (Detection d : detections) {
			this.labels.computeIfAbsent(d.label(), (label) -> new LabelFrames()).add(d.confidence(), frameMs);
			if (d.confidence() > this.bestConfidence) {
				this.bestConfidence = d.confidence();
				this.bestFrame = frame;
				this.bestFrameMs = frameMs;
			}
		}
	}

	List<Detection> detections() {
		return this.all;
	}

	/** The frame with the best detection, or null when nothing was detected. */
	@Nullable BufferedImage bestFrame() {
		return this.bestFrame;
	}

	/**
	 * The summary of the clip.
	 * @param motionPosterMs offset of the most-motion frame, the poster when nothing was
	 * detected
	 * @return the summary, labels best first
	 */
	ClipSummary summary(long motionPosterMs) {
		List<ClipSummary.Label> list = this.labels.entrySet()
			.stream()
			.map((e) -> new ClipSummary.Label(e.getKey(), e.getValue().max, e.getValue().bestMs,
					List.copyOf(e.getValue().frames)))
			.sorted(Comparator.comparingDouble(ClipSummary.Label::maxConfidence).reversed())
			.toList();
		return new ClipSummary(this.sampledFrames, (this.bestFrame != null) ? this.bestFrameMs : motionPosterMs, list);
	}

	private static final class LabelFrames {

		private final List<Long> frames = new ArrayList<>();

		private double max = -1;

		private long bestMs;

		void add(double confidence, long frameMs) {
			if (this.frames.isEmpty() || this.frames.getLast() != frameMs) {
				this.frames.add(frameMs);
			}
			if (confidence > this.max) {
				this.max = confidence;
				this.bestMs = frameMs;
			}
		}

	}

}
