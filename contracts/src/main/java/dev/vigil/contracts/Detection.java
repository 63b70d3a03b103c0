package dev.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Something a detector found.
 *
 * @param label what was found, e.g. {@code person}
 * @param confidence the detector's confidence, 0 to 1
 * @param box where, in pixels
 * @param frameMs for video, the offset of the frame it was found in; null for images
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Detection(String label, Double confidence, BoundingBox box, @Nullable Long frameMs) {

	public Detection {
		Require.text(label, "label");
		if (!(Require.present(confidence, "confidence") >= 0.0 && confidence <= 1.0)) {
			throw new InvalidEventException("confidence", "must be between 0 and 1");
		}
		Require.present(box, "box");
	}

}
