package dev.vigil.processing.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;

import org.springframework.util.unit.DataSize;

/**
 * The media bucket. Every call blocks: callers run on the consumer thread (one record at
 * a time) or on virtual threads.
 */
public class MediaStore {

	private final MinioClient client;

	private final String bucket;

	public MediaStore(MinioClient client, String bucket) {
		this.client = client;
		this.bucket = bucket;
	}

	public String bucket() {
		return this.bucket;
	}

	/**
	 * Copies an object to a local file, hashing it on the way so the caller can check it
	 * against the event.
	 * @param key object key
	 * @param target local file, overwritten
	 * @param limit refuse objects bigger than this
	 * @return size and hash of what was copied
	 */
	public Downloaded download(String key, Path target, DataSize limit) {
		StatObjectResponse stat = stat(key).orElseThrow(() -> new ObjectMissingException(this.bucket, key));
		if (stat.size() > limit.toBytes()) {
			throw new OriginalTooLargeException(key, stat.size(), limit);
		}
		MessageDigest digest = sha256();
		try (InputStream in = this.client.getObject(GetObjectArgs.builder().bucket(this.bucket).object(key).build());
				OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
			// The stat above is advisory: an object replaced in between must not slip
			// past
			// the limit.
			long copied = in.transferTo(new LimitedOutputStream(out, limit.toBytes(), key));
			return new Downloaded(copied, HexFormat.of().formatHex(digest.digest()));
		}
		catch (ErrorResponseException ex) {
			if (isMissing(ex)) {
				throw new ObjectMissingException(this.bucket, key);
			}
			throw new StorageException("Could not read " + key + ": " + ex.getMessage(), ex);
		}
		catch (MinioException | IOException ex) {
			throw new StorageException("Could not read " + key + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Reads a small object fully, if it exists.
	 * @param key object key
	 * @return the bytes, or empty when there is no such object
	 */
	public Optional<byte[]> read(String key) {
		try (InputStream in = this.client.getObject(GetObjectArgs.builder().bucket(this.bucket).object(key).build())) {
			return Optional.of(in.readAllBytes());
		}
		catch (ErrorResponseException ex) {
			if (isMissing(ex)) {
				return Optional.empty();
			}
			throw new StorageException("Could not read " + key + ": " + ex.getMessage(), ex);
		}
		catch (MinioException | IOException ex) {
			throw new StorageException("Could not read " + key + ": " + ex.getMessage(), ex);
		}
	}

	public void put(String key, byte[] content, String contentType) {
		try {
			this.client.putObject(PutObjectArgs.builder()
				.bucket(this.bucket)
				.object(key)
				.data(content, content.length)
				.contentType(contentType)
				.build());
		}
		catch (MinioException ex) {
			throw new StorageException("Could not write " + key + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Removes an object; absent is fine.
	 * @param key the key
	 */
	public void delete(String key) {
		try {
			this.client.removeObject(io.minio.RemoveObjectArgs.builder().bucket(this.bucket).object(key).build());
		}
		catch (MinioException ex) {
			throw new StorageException("Could not delete " + key + ": " + ex.getMessage(), ex);
		}
	}

	public void put(String key, Path file, String contentType) {
		try {
			this.client.uploadObject(UploadObjectArgs.builder()
				.bucket(this.bucket)
				.object(key)
				.filename(file.toString())
				.contentType(contentType)
				.build());
		}
		catch (MinioException ex) {
			throw new StorageException("Could not write " + key + ": " + ex.getMessage(), ex);
		}
	}

	public Optional<StatObjectResponse> stat(String key) {
		try {
			return Optional
				.of(this.client.statObject(StatObjectArgs.builder().bucket(this.bucket).object(key).build()));
		}
		catch (ErrorResponseException ex) {
			if (isMissing(ex)) {
				return Optional.empty();
			}
			throw new StorageException("Could not stat " + key + ": " + ex.getMessage(), ex);
		}
		catch (MinioException ex) {
			throw new StorageException("Could not stat " + key + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Whether the bucket answers; for the health indicator.
	 * @return true when the bucket exists
	 */
	public boolean bucketExists() {
		try {
			return this.client.bucketExists(BucketExistsArgs.builder().bucket(this.bucket).build());
		}
		catch (MinioException ex) {
			throw new StorageException("Could not reach bucket " + this.bucket + ": " + ex.getMessage(), ex);
		}
	}

	private static boolean isMissing(ErrorResponseException ex) {
		String code = ex.errorResponse().code();
		return "NoSuchKey".equals(code) || "NoSuchObject".equals(code) || "NotFound".equals(code)
				|| (ex.response() != null && ex.response().code() == 404);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final class LimitedOutputStream extends OutputStream {

		private final OutputStream delegate;

		private final long limit;

		private final String key;

		private long written;

		LimitedOutputStream(OutputStream delegate, long limit, String key) {
			this.delegate = delegate;
			this.limit = limit;
			this.key = key;
		}

		@Override
		public void write(int b) throws IOException {
			check(1);
			this.delegate.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			check(len);
			this.delegate.write(b, off, len);
		}

		private void check(int more) {
			this.written += more;
			if (this.written > this.limit) {
				throw new OriginalTooLargeException(this.key, this.written, DataSize.ofBytes(this.limit));
			}
		}

	}

}
