package dev.vigil.ingest.ftp;

import org.apache.ftpserver.command.AbstractCommand;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;

import dev.vigil.ingest.intake.Intake;

/**
 * ALLO, which FtpServer answers with 502: some firmware loops on that. It is answered
 * with 200, or with the refusal the following STOR would get anyway (552 too large, 452
 * spool full), so a camera learns early.
 */
final class AllocateCommand extends AbstractCommand {

	private final Intake intake;

	AllocateCommand(Intake intake) {
		this.intake = intake;
	}

	@Override
	public void execute(FtpIoSession session, FtpServerContext context, FtpRequest request) {
		try {
			long size = parseSize(request.getArgument());
			if (size < 0) {
				UploadCommand.reply(session, FtpReply.REPLY_501_SYNTAX_ERROR_IN_PARAMETERS_OR_ARGUMENTS,
						"Syntax error: ALLO needs a size of 0 or more bytes.");
			}
			else if (size > this.intake.maxFileSize()) {
				UploadCommand.reply(session, 552,
						"Exceeded storage allocation: largest file is " + this.intake.maxFileSize() + " bytes.");
			}
			else if (this.intake.isSpoolFull(size)) {
				UploadCommand.reply(session, 452,
						"Insufficient storage space: " + UploadCommand.SPOOL_FULL + ", retry later.");
			}
			else if (session.getUser() instanceof CameraUser user && this.intake.isOverQuota(user.account(), size)) {
				UploadCommand.reply(session, 552, UploadCommand.overQuota(this.intake.quota(user.account())));
			}
			else {
				UploadCommand.reply(session, FtpReply.REPLY_200_COMMAND_OKAY, "ALLO command okay.");
			}
		}
		finally {
			session.resetState();
		}
	}

	private static long parseSize(String argument) {
		if (argument == null) {
			return 0;
		}
		// "ALLO <size> [R <record size>]"
		String first = argument.trim().split("\\s+")[0];
		if (first.isEmpty()) {
			return 0;
		}
		try {
			return Long.parseLong(first);
		}
		catch (NumberFormatException ex) {
			// Not a number (or beyond a long): as bad as a negative size.
			return -1;
		}
	}

}
