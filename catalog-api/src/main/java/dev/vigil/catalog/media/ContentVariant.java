package dev.vigil.catalog.media;

import org.jspecify.annotations.Nullable;

/**
 * The objects a media item may have.
 */
public enum ContentVariant {

	/** What the camera uploaded. */
	ORIGINAL,
	/** Small JPEG for lists. */
	THUMBNAIL,
	/** Full-size still of a video. */
	POSTER,
	/** Browser-playable MP4 of a video. */
	RENDITION;

	@Nullable String key(MediaDocument media) {
		return switch (this) {
			case ORIGINAL -> media.objectKey();
			case THUMBNAIL -> media.thumbnailKey();
			case POSTER -> media.posterKey();
			case RENDITION -> media.renditionKey();
		};
	}

}
