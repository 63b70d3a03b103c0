package dev.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * The best detection of one label in an event.
 *
 * @param label what was detected, e.g. {@code person}
 * @param score the highest confidence of that label in the event, 0 to 1
 * @param snapshot the thumbnail of the media item with that confidence, if it has one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelScore(String label, Double score, @Nullable Snapshot snapshot) {

	public LabelScore {
		Require.text(label, "label");
		if (!(Require.present(score, "score") >= 0.0 && score <= 1.0)) {
			throw new InvalidEventException("score", "must be between 0 and 1");
		}
	}

}
