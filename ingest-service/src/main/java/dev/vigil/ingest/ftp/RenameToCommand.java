package dev.vigil.ingest.ftp;

import java.io.File;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.vigil.ingest.intake.Intake;
import dev.vigil.ingest.intake.IntakeResult;
import org.apache.ftpserver.command.AbstractCommand;
import org.apache.ftpserver.ftplet.FtpFile;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;

/**
 * RNTO: cameras that upload under a temporary name and rename when done are taken at the
 * rename. The reply waits for the intake, like STOR's 226.
 */
final class RenameToCommand extends AbstractCommand {

	private final Intake intake;

	RenameToCommand(Intake intake) {
		this.intake = intake;
	}

	@Override
	public void execute(FtpIoSession session, FtpServerContext context, FtpRequest request) throws IOException {
		try {
			FtpFile from = session.getRenameFrom();
			if (from == null) {
				UploadCommand.reply(session, FtpReply.REPLY_503_BAD_SEQUENCE_OF_COMMANDS, "Send RNFR first.");
				return;
			}
			Path source = Jail.resolve(session, from.getAbsolutePath());
			Path target = Jail.resolve(session, request.getArgument());
			if (source == null || target == null || !(from.getPhysicalFile() instanceof File)) {
				UploadCommand.reply(session, FtpReply.REPLY_553_REQUESTED_ACTION_NOT_TAKEN_FILE_NAME_NOT_ALLOWED,
						"File name not allowed.");
				return;
			}
			if (!Files.exists(source) || Files.isDirectory(target)) {
				UploadCommand.reply(session, FtpReply.REPLY_553_REQUESTED_ACTION_NOT_TAKEN_FILE_NAME_NOT_ALLOWED,
						"Cannot rename.");
				return;
			}
			boolean directory = Files.isDirectory(source);
			Files.createDirectories(target.getParent());
			try {
				Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
			}
			if (directory || this.intake.isTemporaryName(target.getFileName().toString())) {
				UploadCommand.reply(session, FtpReply.REPLY_250_REQUESTED_FILE_ACTION_OKAY, "Rename successful.");
				return;
			}
			CameraUser user = (CameraUser) session.getUser();
			IntakeResult result = this.intake.take(user.account(), target, null, true);
			UploadCommand.reply(session, result, FtpReply.REPLY_250_REQUESTED_FILE_ACTION_OKAY, "Rename successful");
		}
		finally {
			session.resetState();
		}
	}

}
