package dev.vigil.ingest.publish;

import java.nio.file.Path;
import java.util.Map;

import dev.vigil.ingest.spool.SpoolRecord;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.UploadObjectArgs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts originals into the bucket with the MinIO SDK. {@code uploadObject} streams from
 * the spool file and switches to multipart above the part size, so a large clip never
 * sits in the heap whole.
 */
class ObjectStore implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ObjectStore.class);

	private final MinioClient client;

	private final S3Properties s3;

	private final PublishProperties properties;

	private final String edgeNodeId;

	private volatile boolean bucketChecked;

	ObjectStore(S3Properties s3, PublishProperties properties, String edgeNodeId) {
		this.s3 = s3;
		this.properties = properties;
		this.edgeNodeId = edgeNodeId;
		MinioClient.Builder builder = MinioClient.builder().endpoint(s3.endpoint()).region(s3.region());
		if (s3.accessKey() != null && s3.secretKey() != null) {
			builder.credentials(s3.accessKey(), s3.secretKey());
		}
		this.client = builder.build();
		long timeout = properties.timeout().toMillis();
		this.client.setTimeout(Math.min(timeout, 10_000), timeout, timeout);
	}

	String bucket() {
		return this.s3.bucket();
	}

	/** Upload the content; returns the object key. Safe to repeat. */
	String put(SpoolRecord record, Path content) throws Exception {
		ensureBucket();
		String key = ObjectKeys.original(record);
		this.client.uploadObject(UploadObjectArgs.builder()
			.bucket(this.s3.bucket())
			.object(key)
			.filename(content.toString(), this.properties.partSize().toBytes())
			.contentType(record.contentType())
			.userMetadata(Map.of("sha256", record.sha256(), "camera-id", record.cameraId(), "edge-node-id",
					this.edgeNodeId, "media-id", record.sha256()))
			.build());
		return key;
	}

	private void ensureBucket() throws Exception {
		if (this.bucketChecked || !this.properties.createBucket()) {
			return;
		}
		if (!this.client.bucketExists(BucketExistsArgs.builder().bucket(this.s3.bucket()).build())) {
			this.client.makeBucket(MakeBucketArgs.builder().bucket(this.s3.bucket()).build());
			log.info("Created bucket {}", this.s3.bucket());
		}
		this.bucketChecked = true;
	}

	@Override
	public void close() throws Exception {
		this.client.close();
	}

}
