package dev.vigil.ingest.sftp;

import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;

import dev.vigil.ingest.camera.CameraAccount;
import dev.vigil.ingest.camera.CameraDirectory;
import dev.vigil.ingest.intake.Intake;
import dev.vigil.ingest.intake.IntakeResult;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.jspecify.annotations.Nullable;

/**
 * SFTP's completion points: closing a handle that was opened for writing (the client gets
 * the close status only after the intake decided), or renaming a temporary name to a
 * final one. A failure is reported to the client as a failed close or rename, so a camera
 * never believes a refused upload was stored.
 */
final class SftpCompletion implements SftpEventListener {

	static final AttributeKey<CameraAccount> ACCOUNT = new AttributeKey<>();

	/** Bytes the camera could still add when the handle was opened. */
	private static final AttributeKey<Long> QUOTA_LEFT = new AttributeKey<>();

	private final Intake intake;

	private final CameraDirectory cameras;

	SftpCompletion(Intake intake, CameraDirectory cameras) {
		this.intake = intake;
		this.cameras = cameras;
	}

	@Override
	public void opening(ServerSession session, String remoteHandle, Handle localHandle) throws IOException {
		if (localHandle instanceof FileHandle file && isWrite(file) && this.intake.isSpoolFull()) {
			this.intake.discarded(account(session), "spool-full");
			throw new IOException("Insufficient storage space: edge spool is full, retry later");
		}
		if (localHandle instanceof FileHandle file && isWrite(file) && this.intake.isOverQuota(account(session), 0)) {
			this.intake.discarded(account(session), "over-quota");
			throw new IOException("Exceeded storage allocation: this camera's quota of "
					+ this.intake.quota(account(session)) + " bytes is reached, retry later");
		}
		if (localHandle instanceof FileHandle file && isWrite(file)) {
			file.setAttribute(QUOTA_LEFT, this.intake.quotaRemaining(account(session)));
		}
	}

	@Override
	public void writing(ServerSession session, String remoteHandle, FileHandle localHandle, long offset, byte[] data,
			int dataOffset, int dataLen) throws IOException {
		if (offset + dataLen > this.intake.maxFileSize()) {
			throw new IOException("File larger than " + this.intake.maxFileSize() + " bytes");
		}
		Long quotaLeft = localHandle.getAttribute(QUOTA_LEFT);
		if (quotaLeft != null && offset + dataLen > quotaLeft) {
			this.intake.discarded(account(session), "over-quota");
			throw new IOException("Exceeded storage allocation: this camera's quota of "
					+ this.intake.quota(account(session)) + " bytes is reached");
		}
	}

	@Override
	public void closed(ServerSession session, String remoteHandle, Handle localHandle, @Nullable Throwable thrown)
			throws IOException {
		if (thrown != null || !(localHandle instanceof FileHandle file) || !isWrite(file)) {
			return;
		}
		CameraAccount account = account(session);
		Path real = real(account, file.getFile());
		if (!Files.isRegularFile(real)) {
			return;
		}
		long size = Files.size(real);
		this.intake.landed(account, size);
		if (this.intake.isTemporaryName(real.getFileName().toString())) {
			return;
		}
		if (size > this.intake.maxFileSize()) {
			Files.deleteIfExists(real);
			this.intake.discarded(account, "too-large");
			throw new IOException("File larger than " + this.intake.maxFileSize() + " bytes");
		}
		take(account, real);
	}

	@Override
	public void moved(ServerSession session, Path source, Path destination, Collection<CopyOption> options,
			@Nullable Throwable thrown) throws IOException {
		if (thrown != null) {
			return;
		}
		CameraAccount account = account(session);
		Path real = real(account, destination);
		if (Files.isRegularFile(real) && !this.intake.isTemporaryName(real.getFileName().toString())) {
			take(account, real);
		}
	}

	private void take(CameraAccount account, Path real) throws IOException {
		// SFTP clients do not list or size their uploads afterwards: move, do not link.
		IntakeResult result = this.intake.take(account, real, null, false);
		if (!result.outcome().acknowledged()) {
			throw new IOException(result.detail());
		}
	}

	private CameraAccount account(ServerSession session) throws IOException {
		CameraAccount account = session.getAttribute(ACCOUNT);
		if (account == null) {
			throw new IOException("not authenticated");
		}
		return account;
	}

	/** The jailed path as seen by the client, on the real file system. */
	private Path real(CameraAccount account, Path jailed) {
		Path home = this.cameras.home(account).toAbsolutePath().normalize();
		String relative = jailed.toAbsolutePath().normalize().toString().replaceFirst("^/+", "");
		Path real = home.resolve(relative).normalize();
		if (!real.startsWith(home)) {
			throw new IllegalStateException("path outside the camera's home");
		}
		return real;
	}

	private static boolean isWrite(FileHandle file) {
		return file.getOpenOptions().contains(StandardOpenOption.WRITE)
				|| file.getOpenOptions().contains(StandardOpenOption.APPEND);
	}

}
