package dev.vigil.ingest.ftp;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.apache.ftpserver.ftplet.FileSystemView;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpFile;
import org.apache.ftpserver.impl.FtpIoSession;
import org.jspecify.annotations.Nullable;

/**
 * Resolves a camera's path argument to a file inside its home, or nothing. FtpServer's
 * native view already folds {@code ..}, backslashes and absolute paths into the home;
 * this adds the checks it lacks (control characters, overlong names) and re-checks the
 * containment on the real path, so a bug in either cannot leave the jail.
 */
final class Jail {

	/** Below every common file system's 255-byte limit, leaving room for our prefixes. */
	static final int MAX_NAME_BYTES = 200;

	private Jail() {
	}

	static @Nullable Path resolve(FtpIoSession session, @Nullable String argument) {
		if (argument == null || argument.isEmpty() || argument.length() > 4096) {
			return null;
		}
		for (int i = 0; i < argument.length(); i++) {
			if (Character.isISOControl(argument.charAt(i))) {
				return null;
			}
		}
		try {
			FileSystemView view = session.getFileSystemView();
			FtpFile file = view.getFile(argument);
			if (file == null || !(file.getPhysicalFile() instanceof File physical)) {
				return null;
			}
			Path path = physical.toPath().toAbsolutePath().normalize();
			Path home = Path.of(session.getUser().getHomeDirectory()).toAbsolutePath().normalize();
			if (!path.startsWith(home)) {
				return null;
			}
			for (Path segment : home.relativize(path)) {
				if (segment.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
					return null;
				}
			}
			return path;
		}
		catch (FtpException | InvalidPathException ex) {
			return null;
		}
	}

	static String display(FtpIoSession session, Path path) {
		Path home = Path.of(session.getUser().getHomeDirectory()).toAbsolutePath().normalize();
		return "/" + home.relativize(path).toString().replace('\\', '/');
	}

}
