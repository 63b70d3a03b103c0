package dev.vigil.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

public final class Sha256 {

	private Sha256() {
	}

	public static String of(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String of(Path file) {
		try {
			return of(Files.readAllBytes(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A distinct but still complete JPEG: zero padding after the end marker. The sniffer
	 * looks for the end marker in the last 4 KB, so more padding than that reads as a
	 * truncated upload.
	 */
	public static byte[] variant(Path jpeg, int n) {
		if (n < 0 || n > 4000) {
			throw new IllegalArgumentException("padding must be 0..4000 bytes, was " + n);
		}
		try {
			byte[] bytes = Files.readAllBytes(jpeg);
			return java.util.Arrays.copyOf(bytes, bytes.length + n);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
