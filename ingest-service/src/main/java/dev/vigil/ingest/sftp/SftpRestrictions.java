package dev.vigil.ingest.sftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.SftpEventListener;

/**
 * What a camera may not do over SFTP, even in its own home: links (a hard link would let
 * it keep bytes the sweeper and the quota do not see as its own, a symbolic one could
 * point out of the jail), changing owner or group, and permission changes that lock the
 * edge out (of the home, of any directory, or of a file's owner read/write): the sweeper
 * and the quota must be able to read and delete everything in a home.
 */
final class SftpRestrictions implements SftpEventListener {

	private static final Set<String> OWNERSHIP = Set.of("uid", "gid", "owner", "group", "acl");

	@Override
	public void linking(ServerSession session, Path source, Path target, boolean symLink) throws IOException {
		throw new IOException((symLink ? "Symbolic" : "Hard") + " links are not allowed");
	}

	@Override
	public void modifyingAttributes(ServerSession session, Path path, Map<String, ?> attributes) throws IOException {
		for (String attribute : attributes.keySet()) {
			if (OWNERSHIP.contains(attribute)) {
				throw new IOException("Changing owner or group is not allowed");
			}
		}
		Object permissions = attributes.get("permissions");
		if (permissions == null) {
			return;
		}
		if (isHome(path) || Files.isDirectory(path)) {
			throw new IOException("Changing the permissions of a directory is not allowed");
		}
		if (permissions instanceof Collection<?> set
				&& (!set.contains(PosixFilePermission.OWNER_READ) || !set.contains(PosixFilePermission.OWNER_WRITE))) {
			throw new IOException("A file must stay readable and writable by its owner");
		}
	}

	private static boolean isHome(Path path) {
		Path normalized = path.toAbsolutePath().normalize();
		return normalized.getNameCount() == 0 || normalized.equals(normalized.getRoot());
	}

}
