package dev.vigil.ingest.ftp;

import java.io.IOException;
import java.net.InetSocketAddress;

import dev.vigil.ingest.camera.CameraAccount;
import dev.vigil.ingest.camera.CameraDirectory;
import dev.vigil.ingest.camera.LoginGuard;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.ftplet.User;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Turns locked-out sources (and, at PASS, sources locked out of the account named in
 * USER) away before they can send a password, and puts the camera into the logging
 * context of every command.
 */
final class SessionFtplet extends DefaultFtplet {

	private final LoginGuard guard;

	private final CameraDirectory cameras;

	private final boolean requireTls;

	private final FtpRefusals refusals;

	SessionFtplet(LoginGuard guard, CameraDirectory cameras, boolean requireTls, FtpRefusals refusals) {
		this.refusals = refusals;
		this.guard = guard;
		this.cameras = cameras;
		this.requireTls = requireTls;
	}

	@Override
	public FtpletResult onConnect(FtpSession session) throws FtpException, IOException {
		if (session.getClientAddress() instanceof InetSocketAddress client
				&& this.guard.isLockedOut(client.getAddress())) {
			this.refusals.count(FtpReply.REPLY_421_SERVICE_NOT_AVAILABLE_CLOSING_CONTROL_CONNECTION, "locked-out");
			session.write(new DefaultFtpReply(FtpReply.REPLY_421_SERVICE_NOT_AVAILABLE_CLOSING_CONTROL_CONNECTION,
					"Too many failed logins from your address, try again later."));
			return FtpletResult.DISCONNECT;
		}
		return FtpletResult.DEFAULT;
	}

	@Override
	public FtpletResult beforeCommand(FtpSession session, FtpRequest request) throws FtpException, IOException {
		if (isLogin(request) && !session.isSecure() && tlsRequired(session, request)) {
			// Refused before the camera sends its password in cleartext.
			session.write(new DefaultFtpReply(FtpReply.REPLY_530_NOT_LOGGED_IN,
					"TLS required: send AUTH TLS before USER (FTPS), or use SFTP."));
			return FtpletResult.SKIP;
		}
		if ("PASS".equals(request.getCommand()) && session.getClientAddress() instanceof InetSocketAddress client
				&& isLockedOut(client, session.getUserArgument())) {
			this.refusals.count(FtpReply.REPLY_421_SERVICE_NOT_AVAILABLE_CLOSING_CONTROL_CONNECTION, "locked-out");
			session.write(new DefaultFtpReply(FtpReply.REPLY_421_SERVICE_NOT_AVAILABLE_CLOSING_CONTROL_CONNECTION,
					"Too many failed logins from your address, try again later."));
			return FtpletResult.DISCONNECT;
		}
		User user = session.getUser();
		if (user instanceof CameraUser camera) {
			MDC.put("cameraId", camera.account().cameraId());
		}
		return FtpletResult.DEFAULT;
	}

	private static boolean isLogin(FtpRequest request) {
		return "USER".equals(request.getCommand()) || "PASS".equals(request.getCommand());
	}

	private boolean tlsRequired(FtpSession session, FtpRequest request) {
		String user = "USER".equals(request.getCommand()) ? request.getArgument() : session.getUserArgument();
		Boolean own = (user != null) ? this.cameras.byUser(user).map(CameraAccount::requireTls).orElse(null) : null;
		return (own != null) ? own : this.requireTls;
	}

	private boolean isLockedOut(InetSocketAddress client, @Nullable String user) {
		return (user != null) ? this.guard.isLockedOut(client.getAddress(), user)
				: this.guard.isLockedOut(client.getAddress());
	}

	@Override
	public FtpletResult afterCommand(FtpSession session, FtpRequest request, FtpReply reply) {
		MDC.remove("cameraId");
		return FtpletResult.DEFAULT;
	}

}
