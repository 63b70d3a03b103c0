package dev.vigil.ingest.ftp;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.jspecify.annotations.Nullable;

/**
 * Counts the replies that turn a camera away for lack of capacity, by code and reason, in
 * {@code vigil_ingest_ftp_refusals_total}: 421 (too many sessions or connections waiting
 * to log in, lock-out, login timeout), 425 (no passive port free, data connection
 * failed), 452 (spool full, storage error). Firmware retries all three later. Replies
 * written before a command runs (at connect, or refused by another ftplet) are counted
 * where they are written; those of PASV, EPSV and the upload commands after the command;
 * FtpServer's own 421 at USER/PASS for the session limits by {@link LoginLimitCommand}.
 */
final class FtpRefusals extends DefaultFtplet {

	private final MeterRegistry meters;

	FtpRefusals(MeterRegistry meters) {
		this.meters = meters;
	}

	/** A refusal written outside a command (at connect, or before the command ran). */
	void count(int code, String reason) {
		this.meters.counter("vigil.ingest.ftp.refusals", "code", Integer.toString(code), "reason", reason).increment();
	}

	@Override
	public FtpletResult afterCommand(FtpSession session, FtpRequest request, @Nullable FtpReply reply) {
		String reason = (reply != null) ? reason(request.getCommand(), reply) : null;
		if (reason != null) {
			count(reply.getCode(), reason);
		}
		return FtpletResult.DEFAULT;
	}

	private static @Nullable String reason(String command, FtpReply reply) {
		return switch (reply.getCode()) {
			case FtpReply.REPLY_425_CANT_OPEN_DATA_CONNECTION ->
				("PASV".equals(command) || "EPSV".equals(command)) ? "no-passive-port" : "data-connection-failed";
			case FtpReply.REPLY_452_REQUESTED_ACTION_NOT_TAKEN ->
				(reply.getMessage() != null && reply.getMessage().contains(UploadCommand.SPOOL_FULL)) ? "spool-full"
						: "storage-error";
			default -> null;
		};
	}

}
