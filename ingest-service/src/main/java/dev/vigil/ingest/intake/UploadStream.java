package dev.vigil.ingest.intake;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Wraps the file an upload is written to: computes SHA-256 as bytes stream by, enforces
 * the size limit, and tells the caller whether a failure was the disk's (write) or the
 * limit's, as opposed to the network's.
 */
public final class UploadStream extends FilterOutputStream {

	private final MessageDigest digest;

	private final long limit;

	private long written;

	public UploadStream(OutputStream file, long limit) {
		super(file);
		this.limit = limit;
		try {
			this.digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] b, int off, int len) throws IOException {
		if (this.written + len > this.limit) {
			throw new TooLargeException(this.limit);
		}
		try {
			this.out.write(b, off, len);
		}
		catch (IOException ex) {
			throw new StorageException(ex);
		}
		this.digest.update(b, off, len);
		this.written += len;
	}

	public long written() {
		return this.written;
	}

	/** Hex SHA-256 of everything written; call once, after the transfer. */
	public String sha256() {
		return HexFormat.of().formatHex(this.digest.digest());
	}

	/** The upload passed the maximum file size. */
	public static final class TooLargeException extends IOException {

		TooLargeException(long limit) {
			super("upload exceeds the maximum file size of " + limit + " bytes");
		}

	}

	/** Writing to local storage failed (disk full, I/O error). */
	public static final class StorageException extends IOException {

		StorageException(IOException cause) {
			super(cause.getMessage(), cause);
		}

	}

}
