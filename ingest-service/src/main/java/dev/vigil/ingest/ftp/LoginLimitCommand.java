package dev.vigil.ingest.ftp;

import java.io.IOException;

import org.apache.ftpserver.command.Command;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;
import org.apache.mina.core.session.IoSessionConfig;

/**
 * FtpServer's own {@code USER} or {@code PASS}, counting its {@code 421} for the session
 * limits in {@code vigil_ingest_ftp_refusals_total}: {@code max-sessions} when all
 * sessions of the edge are in use, else {@code max-sessions-per-camera}. FtpServer closes
 * the connection after that reply, so the ftplets' {@code afterCommand} is not a reliable
 * place to see it; the reply is read from the session right after the command wrote it.
 * <p>
 * While {@code PASS} checks the password (PBKDF2, possibly queued behind other first
 * logins) the session's idle timer is off: the camera is waiting for the reply, not idle,
 * and an idle event queued meanwhile would close the session right after its {@code 230}.
 * After a successful login the session gets the camera's own idle timeout (FtpServer's
 * {@code setMaxIdleTime} only ever lowers the listener's, so the short login timeout
 * would otherwise stay); after a failed one the idle time it had.
 */
final class LoginLimitCommand implements Command {

	private final Command delegate;

	private final FtpRefusals refusals;

	LoginLimitCommand(Command delegate, FtpRefusals refusals) {
		this.delegate = delegate;
		this.refusals = refusals;
	}

	@Override
	public void execute(FtpIoSession session, FtpServerContext context, FtpRequest request)
			throws IOException, FtpException {
		if ("PASS".equals(request.getCommand())) {
			checkPassword(session, context, request);
		}
		else {
			this.delegate.execute(session, context, request);
		}
		FtpReply reply = session.getLastReply();
		if (reply != null && reply.getCode() == FtpReply.REPLY_421_SERVICE_NOT_AVAILABLE_CLOSING_CONTROL_CONNECTION
				&& !session.isLoggedIn()) {
			int maxLogins = context.getConnectionConfig().getMaxLogins();
			boolean allInUse = maxLogins > 0 && context.getFtpStatistics().getCurrentLoginNumber() >= maxLogins;
			this.refusals.count(reply.getCode(), allInUse ? "max-sessions" : "max-sessions-per-camera");
		}
	}

	private void checkPassword(FtpIoSession session, FtpServerContext context, FtpRequest request)
			throws IOException, FtpException {
		IoSessionConfig config = session.getConfig();
		int idle = config.getBothIdleTime();
		config.setBothIdleTime(0);
		try {
			this.delegate.execute(session, context, request);
		}
		finally {
			config.setBothIdleTime(
					(session.isLoggedIn() && session.getMaxIdleTime() > 0) ? session.getMaxIdleTime() : idle);
		}
	}

}
