package dev.vigil.notify.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;

import org.springframework.stereotype.Component;

import dev.vigil.contracts.Snapshot;

/**
 * Reads the JPEG of a snapshot from the object store.
 */
@Component
public class SnapshotStore {

	/** Thumbnails are small; anything larger is not what the catalog named. */
	static final int MAX_BYTES = 4 * 1024 * 1024;

	private final MinioClient client;

	private final S3Properties properties;

	SnapshotStore(S3Properties properties) {
		this.properties = properties;
		MinioClient.Builder builder = MinioClient.builder()
			.endpoint(properties.endpoint().toString())
			.region(properties.region());
		if (properties.accessKey() != null && properties.secretKey() != null) {
			builder.credentials(properties.accessKey(), properties.secretKey());
		}
		this.client = builder.build();
	}

	/**
	 * The snapshot's bytes.
	 * @param snapshot what the record named
	 * @return the JPEG, or empty when it is gone, too large or in a foreign bucket
	 * @throws IOException when the store cannot be read now (retry later)
	 */
	public Optional<byte[]> read(Snapshot snapshot) throws IOException {
		if (!this.properties.bucket().equals(snapshot.bucket())) {
			return Optional.empty();
		}
		try (InputStream in = this.client
			.getObject(GetObjectArgs.builder().bucket(snapshot.bucket()).object(snapshot.objectKey()).build())) {
			byte[] bytes = in.readNBytes(MAX_BYTES + 1);
			return (bytes.length > MAX_BYTES) ? Optional.empty() : Optional.of(bytes);
		}
		catch (ErrorResponseException ex) {
			if ("NoSuchKey".equals(ex.errorResponse().code())) {
				return Optional.empty();
			}
			throw new IOException("Object store refused " + snapshot.objectKey() + ": " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IOException("Cannot read " + snapshot.objectKey() + ": " + ex.getMessage(), ex);
		}
	}

}
