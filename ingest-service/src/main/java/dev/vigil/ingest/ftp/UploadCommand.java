package dev.vigil.ingest.ftp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import dev.vigil.ingest.intake.Intake;
import dev.vigil.ingest.intake.IntakeResult;
import dev.vigil.ingest.intake.UploadStream;
import org.apache.ftpserver.command.AbstractCommand;
import org.apache.ftpserver.ftplet.DataConnection;
import org.apache.ftpserver.ftplet.DataConnectionFactory;
import org.apache.ftpserver.ftplet.DataType;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;
import org.apache.ftpserver.impl.IODataConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * STOR, APPE and STOU, replacing FtpServer's own: the stock commands reply 226 as soon as
 * the bytes are written, and close the file the same way after a clean end and after a
 * broken connection, so "taken only when the upload finished cleanly" and "durable before
 * 226" cannot be built on them. Here the bytes go to a hidden in-progress file; only a
 * transfer that ended cleanly is renamed to its name and handed to the intake, and the
 * reply follows the intake's decision.
 */
final class UploadCommand extends AbstractCommand {

	enum Mode {

		STORE, APPEND, UNIQUE

	}

	private static final Logger log = LoggerFactory.getLogger(UploadCommand.class);

	/** In every 452 reply for a full spool (and only there). */
	static final String SPOOL_FULL = "edge spool is full";

	private final Mode mode;

	private final Intake intake;

	UploadCommand(Mode mode, Intake intake) {
		this.mode = mode;
		this.intake = intake;
	}

	@Override
	public void execute(FtpIoSession session, FtpServerContext context, FtpRequest request) throws IOException {
		try {
			String argument = request.getArgument();
			if (this.mode == Mode.UNIQUE) {
				argument = ((argument != null) ? argument + "." : "stou-")
						+ UUID.randomUUID().toString().substring(0, 8);
			}
			if (argument == null) {
				reply(session, FtpReply.REPLY_501_SYNTAX_ERROR_IN_PARAMETERS_OR_ARGUMENTS, "File name required.");
				return;
			}
			DataConnectionFactory connections = session.getDataConnection();
			if (connections instanceof IODataConnectionFactory io && io.getInetAddress() == null) {
				reply(session, FtpReply.REPLY_503_BAD_SEQUENCE_OF_COMMANDS, "PORT or PASV must be issued first.");
				return;
			}
			CameraUser user = (CameraUser) session.getUser();
			if (this.intake.isSpoolFull()) {
				this.intake.discarded(user.account(), "spool-full");
				reply(session, 452, "Insufficient storage space: " + SPOOL_FULL + ", retry later.");
				return;
			}
			if (this.intake.isOverQuota(user.account(), 0)) {
				this.intake.discarded(user.account(), "over-quota");
				reply(session, 552, overQuota(this.intake.quota(user.account())));
				return;
			}
			Path target = Jail.resolve(session, argument);
			if (target == null || Files.isDirectory(target)) {
				reply(session, FtpReply.REPLY_553_REQUESTED_ACTION_NOT_TAKEN_FILE_NAME_NOT_ALLOWED,
						"File name not allowed.");
				return;
			}
			String shown = Jail.display(session, target);
			session
				.write(new DefaultFtpReply(FtpReply.REPLY_150_FILE_STATUS_OKAY,
						(this.mode == Mode.UNIQUE) ? "FILE: " + shown : "Opening data connection for " + shown))
				.awaitUninterruptibly(10_000);
			DataConnection data;
			try {
				data = connections.openConnection();
			}
			catch (Exception ex) {
				reply(session, FtpReply.REPLY_425_CANT_OPEN_DATA_CONNECTION, "Can't open data connection.");
				return;
			}
			receive(session, user, target, shown, data);
		}
		finally {
			session.resetState();
			session.getDataConnection().closeDataConnection();
		}
	}

	private void receive(FtpIoSession session, CameraUser user, Path target, String shown, DataConnection data)
			throws IOException {
		if (!Files.isDirectory(target.getParent())) {
			// createDirectories throws and catches an exception when the directory
			// exists.
			Files.createDirectories(target.getParent());
		}
		Path partial = target.resolveSibling(Intake.IN_PROGRESS_PREFIX + UUID.randomUUID());
		long prefix = copyPrefix(session, target, partial);
		long quotaLeft = this.intake.quotaRemaining(user.account());
		// Like vsftpd's default: no ASCII mangling of uploads, a camera that forgot TYPE
		// I
		// must not corrupt its JPEGs.
		DataType type = session.getDataType();
		session.setDataType(DataType.BINARY);
		UploadStream upload = null;
		try (OutputStream file = new BufferedOutputStream(
				Files.newOutputStream(partial, StandardOpenOption.CREATE, StandardOpenOption.APPEND), 64 * 1024)) {
			upload = new UploadStream(file, Math.min(this.intake.maxFileSize() - prefix, quotaLeft));
			data.transferFromClient(session.getFtpletSession(), upload);
			upload.flush();
		}
		catch (UploadStream.TooLargeException ex) {
			if (quotaLeft < this.intake.maxFileSize() - prefix) {
				discard(partial, user, "over-quota");
				reply(session, 552, overQuota(this.intake.quota(user.account())));
				return;
			}
			discard(partial, user, "too-large");
			reply(session, 552,
					"Exceeded storage allocation: file larger than " + this.intake.maxFileSize() + " bytes.");
			return;
		}
		catch (UploadStream.StorageException ex) {
			log.error("Writing upload {} failed", shown, ex);
			discard(partial, user, "storage-error");
			reply(session, 452, "Insufficient storage space, retry later.");
			return;
		}
		catch (IOException ex) {
			// The network, not us: the camera went away mid-transfer.
			discard(partial, user, "aborted");
			reply(session, FtpReply.REPLY_426_CONNECTION_CLOSED_TRANSFER_ABORTED,
					"Connection closed; transfer aborted.");
			return;
		}
		finally {
			session.setDataType(type);
		}
		try {
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
		}
		this.intake.landed(user.account(), prefix + upload.written());
		if (this.intake.isTemporaryName(target.getFileName().toString())) {
			reply(session, FtpReply.REPLY_226_CLOSING_DATA_CONNECTION,
					"Transfer complete; " + shown + " is kept until renamed.");
			return;
		}
		String sha256 = (prefix == 0) ? upload.sha256() : null;
		IntakeResult result = this.intake.take(user.account(), target, sha256, true);
		reply(session, result, FtpReply.REPLY_226_CLOSING_DATA_CONNECTION, "Transfer complete");
	}

	/**
	 * APPE and REST+STOR continue an existing file. Its bytes are copied to a new file,
	 * never appended in place: the old file may be a hard link to spooled content.
	 */
	private long copyPrefix(FtpIoSession session, Path target, Path partial) throws IOException {
		long offset = (this.mode == Mode.APPEND) ? Long.MAX_VALUE : session.getFileOffset();
		if (offset <= 0 || !Files.isRegularFile(target)) {
			return 0;
		}
		long length = Math.min(offset, Files.size(target));
		try (InputStream in = Files.newInputStream(target);
				OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW)) {
			long copied = in.transferTo(new BoundedOutputStream(out, length));
			return Math.min(copied, length);
		}
	}

	private void discard(Path partial, CameraUser user, String outcome) {
		this.intake.discarded(user.account(), outcome);
		try {
			Files.deleteIfExists(partial);
		}
		catch (IOException ex) {
			log.warn("Could not delete partial upload {}", partial, ex);
		}
	}

	static void reply(FtpIoSession session, IntakeResult result, int okCode, String okText) {
		switch (result.outcome()) {
			case ACCEPTED -> reply(session, okCode, okText + "; taken as " + result.mediaId() + ".");
			case DUPLICATE -> reply(session, okCode, okText + "; duplicate of an earlier upload, not republished.");
			case QUARANTINED -> reply(session, FtpReply.REPLY_550_REQUESTED_ACTION_NOT_TAKEN,
					"Requested action not taken: " + result.detail() + ".");
			case SPOOL_FULL -> reply(session, 452, "Insufficient storage space: " + result.detail() + ".");
			case OVER_QUOTA -> reply(session, 552, "Exceeded storage allocation: " + result.detail() + ".");
			case FAILED -> reply(session, FtpReply.REPLY_451_REQUESTED_ACTION_ABORTED,
					"Requested action aborted: " + result.detail() + ".");
		}
	}

	static String overQuota(long quota) {
		return "Exceeded storage allocation: this camera's quota of " + quota
				+ " bytes (home + quarantine + spool) is reached, retry when uploads have been published.";
	}

	static void reply(FtpIoSession session, int code, String text) {
		session.write(new DefaultFtpReply(code, text));
	}

	/** Writes at most {@code limit} bytes and drops the rest. */
	private static final class BoundedOutputStream extends java.io.FilterOutputStream {

		private long remaining;

		BoundedOutputStream(OutputStream out, long limit) {
			super(out);
			this.remaining = limit;
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			int n = (int) Math.min(len, this.remaining);
			if (n > 0) {
				this.out.write(b, off, n);
				this.remaining -= n;
			}
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

	}

}
