package dev.vigil.ingest.ftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.ftpserver.command.AbstractCommand;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;

/**
 * MKD that also creates missing parents: some firmware sends {@code MKD cam/dev/snap} in
 * one go, others one level at a time. An existing directory answers 550 as usual, which
 * chains like curl's {@code --ftp-create-dirs} expect.
 */
final class MakeDirectoryCommand extends AbstractCommand {

	@Override
	public void execute(FtpIoSession session, FtpServerContext context, FtpRequest request) throws IOException {
		try {
			Path directory = Jail.resolve(session, request.getArgument());
			if (directory == null) {
				UploadCommand.reply(session, FtpReply.REPLY_550_REQUESTED_ACTION_NOT_TAKEN,
						"Directory name not allowed.");
				return;
			}
			if (Files.exists(directory)) {
				UploadCommand.reply(session, FtpReply.REPLY_550_REQUESTED_ACTION_NOT_TAKEN,
						"Directory already exists.");
				return;
			}
			Files.createDirectories(directory);
			String shown = Jail.display(session, directory).replace("\"", "\"\"");
			UploadCommand.reply(session, FtpReply.REPLY_257_PATHNAME_CREATED, "\"" + shown + "\" created.");
		}
		finally {
			session.resetState();
		}
	}

}
