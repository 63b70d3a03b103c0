package dev.vigil.ingest.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import dev.vigil.ingest.spool.SpoolRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts originals into the bucket ({@link S3Client}). Streams from the spool file: one PUT
 * signed with the content's SHA-256 up to the part size, a multipart upload above it, so
 * a large clip never sits in the heap whole.
 */
class ObjectStore implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ObjectStore.class);

	private final S3Client client;

	private final S3Properties s3;

	private final PublishProperties properties;

	private final String edgeNodeId;

	private volatile boolean bucketChecked;

	ObjectStore(S3Properties s3, PublishProperties properties, String edgeNodeId) {
		this.s3 = s3;
		this.properties = properties;
		this.edgeNodeId = edgeNodeId;
		int timeout = (int) properties.timeout().toMillis();
		this.client = new S3Client(s3.endpoint(), s3.region(), s3.accessKey(), s3.secretKey(),
				Math.min(timeout, 10_000), timeout, Clock.systemUTC());
	}

	String bucket() {
		return this.s3.bucket();
	}

	/** Upload the content; returns the object key. Safe to repeat. */
	String put(SpoolRecord record, Path content) throws Exception {
		ensureBucket();
		String key = ObjectKeys.original(record);
		long length = Files.size(content);
		long partSize = this.properties.partSize().toBytes();
		Map<String, String> metadata = Map.of("sha256", record.sha256(), "camera-id", record.cameraId(), "edge-node-id",
				this.edgeNodeId, "media-id", record.sha256());
		if (length <= partSize) {
			this.client.putObject(this.s3.bucket(), key, content, length, record.sha256(), record.contentType(),
					metadata);
		}
		else {
			this.client.putObjectMultipart(this.s3.bucket(), key, content, length, partSize, record.contentType(),
					metadata);
		}
		return key;
	}

	private void ensureBucket() throws Exception {
		if (this.bucketChecked || !this.properties.createBucket()) {
			return;
		}
		if (!this.client.bucketExists(this.s3.bucket())) {
			this.client.makeBucket(this.s3.bucket());
			log.info("Created bucket {}", this.s3.bucket());
		}
		this.bucketChecked = true;
	}

	@Override
	public void close() {
		// HttpURLConnection's kept-alive connections close themselves when idle.
	}

}
