package dev.vigil.contracts;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * What the detector saw in a clip's sampled frames, over all of them (the event's
 * {@code detections} keep only the best few).
 *
 * @param sampledFrames frames the detector looked at
 * @param posterFrameMs offset of the frame the poster shows: the frame with the best
 * detection, else the one with the most motion
 * @param labels one entry per label seen, best first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClipSummary(Integer sampledFrames, @Nullable Long posterFrameMs, List<Label> labels) {

	public ClipSummary {
		if (Require.present(sampledFrames, "sampledFrames") < 0) {
			throw new InvalidEventException("sampledFrames", "must not be negative");
		}
		if (posterFrameMs != null && posterFrameMs < 0) {
			throw new InvalidEventException("posterFrameMs", "must not be negative");
		}
		labels = (labels != null) ? List.copyOf(labels) : List.of();
	}

	/**
	 * One label in a clip.
	 *
	 * @param label e.g. {@code person}
	 * @param maxConfidence its best confidence in any sampled frame, 0 to 1
	 * @param bestFrameMs offset of the frame with that confidence
	 * @param frameMs offsets of every sampled frame with the label, in clip order
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Label(String label, Double maxConfidence, Long bestFrameMs, List<Long> frameMs) {

		public Label {
			Require.text(label, "label");
			if (!(Require.present(maxConfidence, "maxConfidence") >= 0.0 && maxConfidence <= 1.0)) {
				throw new InvalidEventException("maxConfidence", "must be between 0 and 1");
			}
			Require.atLeast(bestFrameMs, 0, "bestFrameMs");
			frameMs = List.copyOf(Require.present(frameMs, "frameMs"));
		}

	}

}
