package dev.vigil.catalog.storage;

import java.util.Collection;
import java.util.List;

import java.io.InputStream;

import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import org.jspecify.annotations.Nullable;
import io.minio.Http;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Reads are handed to the client as short-lived presigned URLs (Range works, no bytes
 * pass through this JVM); deletes are done here.
 */
@Component
@EnableConfigurationProperties(S3Properties.class)
public class ObjectStore {

	private final MinioClient client;

	private final MinioClient signer;

	private final S3Properties properties;

	ObjectStore(S3Properties properties) {
		this.properties = properties;
		this.client = client(properties.endpoint().toString(), properties);
		this.signer = (properties.publicEndpoint() != null) ? client(properties.publicEndpoint().toString(), properties)
				: this.client;
	}

	private static MinioClient client(String endpoint, S3Properties properties) {
		return MinioClient.builder()
			.endpoint(endpoint)
			.region(properties.region())
			.credentials(properties.accessKey(), properties.secretKey())
			.build();
	}

	/**
	 * A URL that lets its holder GET one object for {@code vigil.s3.url-ttl}.
	 * @param bucket the bucket the event named
	 * @param key the object key
	 * @return the presigned URL
	 */
	public String presignedGet(String bucket, String key) {
		return presignedGet(bucket, key, null);
	}

	/**
	 * A presigned GET that, with a file name, makes the store answer
	 * {@code Content-Disposition: attachment} with that name
	 * ({@code response-content-disposition}, signed into the URL).
	 * @param bucket the bucket the event named
	 * @param key the object key
	 * @param downloadName the file name to save as; null for inline
	 * @return the presigned URL
	 */
	public String presignedGet(String bucket, String key, @Nullable String downloadName) {
		requireOwn(bucket);
		try {
			GetPresignedObjectUrlArgs.Builder args = GetPresignedObjectUrlArgs.builder()
				.method(Http.Method.GET)
				.bucket(bucket)
				.object(key)
				.expiry((int) this.properties.urlTtl().toSeconds());
			if (downloadName != null) {
				args.extraQueryParams(java.util.Map.of("response-content-disposition",
						"attachment; filename=\"" + downloadName + "\""));
			}
			return this.signer.getPresignedObjectUrl(args.build());
		}
		catch (Exception ex) {
			throw new StorageException("Could not sign a URL for " + key, ex);
		}
	}

	/**
	 * Removes objects; a missing object counts as removed, so retries are safe.
	 * @param bucket the bucket
	 * @param keys object keys
	 */
	public void delete(String bucket, Collection<String> keys) {
		requireOwn(bucket);
		for (String key : List.copyOf(keys)) {
			try {
				this.client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
			}
			catch (ErrorResponseException ex) {
				if (!"NoSuchKey".equals(ex.errorResponse().code())) {
					throw new StorageException("Could not delete " + key, ex);
				}
			}
			catch (Exception ex) {
				throw new StorageException("Could not delete " + key, ex);
			}
		}
	}

	/**
	 * Size and type of an object.
	 * @param bucket the bucket
	 * @param key the object key
	 * @return its metadata, or null when it does not exist
	 */
	public @Nullable ObjectInfo stat(String bucket, String key) {
		requireOwn(bucket);
		try {
			StatObjectResponse stat = this.client
				.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
			return new ObjectInfo(stat.size(), stat.contentType());
		}
		catch (ErrorResponseException ex) {
			if ("NoSuchKey".equals(ex.errorResponse().code())) {
				return null;
			}
			throw new StorageException("Could not read " + key, ex);
		}
		catch (Exception ex) {
			throw new StorageException("Could not read " + key, ex);
		}
	}

	/**
	 * Opens a byte range of an object; the caller closes the stream.
	 * @param bucket the bucket
	 * @param key the object key
	 * @param offset first byte
	 * @param length number of bytes
	 * @return the bytes
	 */
	public InputStream open(String bucket, String key, long offset, long length) {
		requireOwn(bucket);
		try {
			return this.client
				.getObject(GetObjectArgs.builder().bucket(bucket).object(key).offset(offset).length(length).build());
		}
		catch (Exception ex) {
			throw new StorageException("Could not read " + key, ex);
		}
	}

	/**
	 * Items name their bucket, but this service only ever signs for or deletes in its
	 * own: a stored item naming another (indexed before the consumers refused such
	 * events) must not become a way to reach someone else's objects.
	 */
	private void requireOwn(String bucket) {
		if (!this.properties.bucket().equals(bucket)) {
			throw new StorageException(
					"Refusing bucket '" + bucket + "': only '" + this.properties.bucket() + "' is served",
					new IllegalArgumentException(bucket));
		}
	}

	public String bucket() {
		return this.properties.bucket();
	}

	/**
	 * What the store knows about an object.
	 *
	 * @param size bytes
	 * @param contentType stored content type, if any
	 */
	public record ObjectInfo(long size, @Nullable String contentType) {

	}

	/**
	 * The object store failed; the caller's operation did not complete.
	 */
	public static class StorageException extends RuntimeException {

		StorageException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
