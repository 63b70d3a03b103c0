package dev.vigil.ingest.ftp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;

/**
 * Connections that have not logged in yet are cheap to open and cost the edge a socket
 * and a session each: at most {@code max-pre-login} of them in all and
 * {@code max-pre-login-per-source} from one address, and each must log in within
 * {@code login-timeout} (idle or not). FtpServer's own {@code max-sessions} only counts
 * logged-in sessions.
 */
final class PreLoginLimit extends DefaultFtplet {

	private static final String COUNTED = PreLoginLimit.class.getName() + ".counted";

	private final int maxTotal;

	private final int maxPerSource;

	private final Duration loginTimeout;

	private final AtomicInteger total = new AtomicInteger();

	private final Map<InetAddress, Integer> perSource = new ConcurrentHashMap<>();

	private final FtpRefusals refusals;

	PreLoginLimit(int maxTotal, int maxPerSource, Duration loginTimeout, FtpRefusals refusals) {
		this.refusals = refusals;
		this.maxTotal = maxTotal;
		this.maxPerSource = maxPerSource;
		this.loginTimeout = loginTimeout;
	}

	@Override
	public FtpletResult onConnect(FtpSession session) throws FtpException, IOException {
		InetAddress source = source(session);
		int all = this.total.incrementAndGet();
		int fromSource = this.perSource.merge(source, 1, Integer::sum);
		session.setAttribute(COUNTED, source);
		if (all > this.maxTotal || fromSource > this.maxPerSource) {
			release(session);
			this.refusals.count(FtpReply.REPLY_421_SERVICE_NOT_AVAILABLE_CLOSING_CONTROL_CONNECTION, "pre-login-limit");
			session.write(new DefaultFtpReply(FtpReply.REPLY_421_SERVICE_NOT_AVAILABLE_CLOSING_CONTROL_CONNECTION,
					"Too many connections waiting to log in, try again later."));
			return FtpletResult.DISCONNECT;
		}
		// Until PASS succeeds; LoginLimitCommand then applies the camera's own idle
		// timeout.
		session.setMaxIdleTime((int) Math.max(1, this.loginTimeout.toSeconds()));
		return FtpletResult.DEFAULT;
	}

	@Override
	public FtpletResult beforeCommand(FtpSession session, FtpRequest request) throws FtpException, IOException {
		if (!session.isLoggedIn() && session.getConnectionTime() != null
				&& System.currentTimeMillis() - session.getConnectionTime().getTime() > this.loginTimeout.toMillis()) {
			this.refusals.count(FtpReply.REPLY_421_SERVICE_NOT_AVAILABLE_CLOSING_CONTROL_CONNECTION, "login-timeout");
			session.write(new DefaultFtpReply(FtpReply.REPLY_421_SERVICE_NOT_AVAILABLE_CLOSING_CONTROL_CONNECTION,
					"Login timed out."));
			return FtpletResult.DISCONNECT;
		}
		return FtpletResult.DEFAULT;
	}

	@Override
	public FtpletResult afterCommand(FtpSession session, FtpRequest request, FtpReply reply) {
		if ("PASS".equals(request.getCommand()) && session.isLoggedIn()) {
			release(session);
		}
		return FtpletResult.DEFAULT;
	}

	@Override
	public FtpletResult onDisconnect(FtpSession session) {
		release(session);
		return FtpletResult.DEFAULT;
	}

	/** Connections waiting to log in now (for tests). */
	int waiting() {
		return this.total.get();
	}

	private void release(FtpSession session) {
		if (!(session.getAttribute(COUNTED) instanceof InetAddress source)) {
			return;
		}
		session.removeAttribute(COUNTED);
		this.total.decrementAndGet();
		this.perSource.computeIfPresent(source, (address, count) -> (count > 1) ? count - 1 : null);
	}

	private static InetAddress source(FtpSession session) {
		return (session.getClientAddress() instanceof InetSocketAddress client) ? client.getAddress()
				: InetAddress.getLoopbackAddress();
	}

}
