package dev.vigil.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Writes secrets readable only by the service account (mode 600 in a 700 directory) and
 * makes random secrets.
 */
public final class SecretFiles {

	private static final SecureRandom RANDOM = new SecureRandom();

	private SecretFiles() {
	}

	/** A URL-safe random string carrying {@code bytes} bytes of entropy. */
	public static String randomToken(int bytes) {
		byte[] buffer = new byte[bytes];
		RANDOM.nextBytes(buffer);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
	}

	/** Lower-case hex of {@code bytes} random bytes. */
	public static String randomHex(int bytes) {
		byte[] buffer = new byte[bytes];
		RANDOM.nextBytes(buffer);
		return java.util.HexFormat.of().formatHex(buffer);
	}

	/** Creates the directory (mode 700 where POSIX permissions exist) if missing. */
	public static void ensurePrivateDirectory(Path dir) {
		try {
			if (Files.isDirectory(dir)) {
				return;
			}
			if (isPosix(dir.toAbsolutePath().getRoot())) {
				Files.createDirectories(dir,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			}
			else {
				Files.createDirectories(dir);
			}
		}
		catch (FileAlreadyExistsException ex) {
			// another instance created it concurrently
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create directory " + dir, ex);
		}
	}

	/**
	 * Atomically writes {@code content} to {@code file} with mode 600: written to a
	 * private temporary file first, so a reader never sees a partial or world-readable
	 * secret.
	 */
	public static void writePrivate(Path file, String content) {
		Path dir = file.toAbsolutePath().getParent();
		ensurePrivateDirectory(dir);
		try {
			Path tmp;
			if (isPosix(dir)) {
				tmp = Files.createTempFile(dir, ".tmp-", ".secret",
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			else {
				tmp = Files.createTempFile(dir, ".tmp-", ".secret");
			}
			Files.writeString(tmp, content, StandardCharsets.UTF_8);
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

	private static boolean isPosix(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

}
