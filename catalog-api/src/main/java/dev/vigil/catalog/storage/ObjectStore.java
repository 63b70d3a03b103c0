package dev.vigil.catalog.storage;

import java.util.Collection;
import java.util.List;

import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.errors.ErrorResponseException;
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
		try {
			return this.signer.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
				.method(Http.Method.GET)
				.bucket(bucket)
				.object(key)
				.expiry((int) this.properties.urlTtl().toSeconds())
				.build());
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

	public String bucket() {
		return this.properties.bucket();
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
