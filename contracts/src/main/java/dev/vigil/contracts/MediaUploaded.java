package dev.vigil.contracts;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A camera's upload was taken by an edge node, stored in the object store and is ready
 * for processing and indexing.
 *
 * @param eventId unique id of this event (redeliveries carry the same id)
 * @param mediaId the item's identity: it names a media item only together with
 * {@code cameraId} (two cameras may send the same bytes: two items), so consumers key
 * items on both. In schema 1 it is the SHA-256 of the content, the same value as
 * {@code sha256}; only a later schema version may let the two differ
 * @param edgeNodeId the edge node that received the upload
 * @param cameraId the camera that uploaded it
 * @param objectKey key of the original in {@code bucket}
 * @param bucket the object store bucket
 * @param contentType sniffed MIME type, e.g. {@code image/jpeg}
 * @param sizeBytes size of the original, always positive
 * @param sha256 hex SHA-256 of the content: the checksum of the stored bytes (object keys
 * and integrity checks use it)
 * @param originalPath the path the camera uploaded to, relative to its home
 * @param capturedAt when the camera captured it, if known
 * @param capturedAtSource where {@code capturedAt} came from, if known
 * @param receivedAt when the edge took the file
 * @param kind image or video
 * @param schemaVersion shape of this event; absent means 1
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MediaUploaded(UUID eventId, String mediaId, String edgeNodeId, String cameraId, String objectKey,
		String bucket, String contentType, Long sizeBytes, String sha256, String originalPath,
		@Nullable Instant capturedAt, @Nullable CaptureTimeSource capturedAtSource, Instant receivedAt, MediaKind kind,
		Integer schemaVersion) {

	/** The shape this code writes. */
	public static final int CURRENT_SCHEMA_VERSION = 1;

	public MediaUploaded {
		Require.present(eventId, "eventId");
		Require.sha256(mediaId, "mediaId");
		Require.identifier(edgeNodeId, "edgeNodeId");
		Require.identifier(cameraId, "cameraId");
		Require.objectKey(objectKey, "objectKey");
		Require.text(bucket, "bucket");
		Require.text(contentType, "contentType");
		if (Require.present(sizeBytes, "sizeBytes") <= 0) {
			throw new InvalidEventException("sizeBytes", "must be positive");
		}
		Require.sha256(sha256, "sha256");
		Require.text(originalPath, "originalPath");
		Require.present(receivedAt, "receivedAt");
		Require.present(kind, "kind");
		schemaVersion = Require.schemaVersion(schemaVersion);
	}

}
