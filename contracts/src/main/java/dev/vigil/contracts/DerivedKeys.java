package dev.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Object keys of the media derived from an original, in the same bucket. Each is absent
 * when it does not apply (no rendition for an image) or could not be made.
 *
 * @param thumbnail small JPEG for lists
 * @param poster full-size still for a video
 * @param rendition browser-playable H.264 MP4 with fast start
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DerivedKeys(@Nullable String thumbnail, @Nullable String poster, @Nullable String rendition) {

	/** No derived media. */
	public static final DerivedKeys NONE = new DerivedKeys(null, null, null);

	public DerivedKeys {
		if (thumbnail != null) {
			Require.objectKey(thumbnail, "derived.thumbnail");
		}
		if (poster != null) {
			Require.objectKey(poster, "derived.poster");
		}
		if (rendition != null) {
			Require.objectKey(rendition, "derived.rendition");
		}
	}

}
