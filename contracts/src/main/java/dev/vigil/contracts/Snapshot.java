package dev.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The thumbnail that represents an event or one of its labels.
 *
 * @param mediaId the catalog id of the media item ({@code <cameraId>.<sha256>}), for
 * links to {@code /api/v1/media/{id}}
 * @param bucket the bucket holding the thumbnail
 * @param objectKey the thumbnail's object key (a JPEG)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Snapshot(String mediaId, String bucket, String objectKey) {

	public Snapshot {
		Require.text(mediaId, "snapshot.mediaId");
		Require.text(bucket, "snapshot.bucket");
		Require.objectKey(objectKey, "snapshot.objectKey");
	}

}
