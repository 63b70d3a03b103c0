package dev.vigil.ingest.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

import dev.vigil.ingest.EdgeProperties;
import dev.vigil.ingest.camera.CameraAccount;
import dev.vigil.ingest.camera.CameraDirectory;
import dev.vigil.ingest.camera.CameraDirectory.Login;
import dev.vigil.ingest.intake.Intake;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Apache MINA SSHD with only the SFTP subsystem: password logins of camera accounts (with
 * the same lock-out and source checks as FTP), each jailed to its home. No shell, no
 * exec, no forwarding.
 */
public class SftpServerLifecycle implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SftpServerLifecycle.class);

	private final SftpProperties properties;

	private final EdgeProperties edge;

	private final CameraDirectory cameras;

	private final Intake intake;

	private @Nullable SshServer server;

	SftpServerLifecycle(SftpProperties properties, EdgeProperties edge, CameraDirectory cameras, Intake intake) {
		this.properties = properties;
		this.edge = edge;
		this.cameras = cameras;
		this.intake = intake;
	}

	@Override
	public synchronized void start() {
		SshServer sshd = SshServer.setUpDefaultServer();
		sshd.setPort(this.properties.port());
		if (this.properties.bindAddress() != null) {
			sshd.setHost(this.properties.bindAddress());
		}
		// Kept in the data directory so cameras' known-hosts entries survive restarts.
		SimpleGeneratorHostKeyProvider hostKey = new SimpleGeneratorHostKeyProvider(
				this.edge.dataDir().resolve("sftp-hostkey.pem"));
		hostKey.setAlgorithm("EC");
		sshd.setKeyPairProvider(hostKey);
		sshd.setPasswordAuthenticator((user, password, session) -> {
			InetAddress source = (session.getClientAddress() instanceof InetSocketAddress client) ? client.getAddress()
					: InetAddress.getLoopbackAddress();
			Login login = this.cameras.authenticate(user, password, source);
			if (login.account() == null) {
				return false;
			}
			session.setAttribute(SftpCompletion.ACCOUNT, login.account());
			return true;
		});
		sshd.setPublickeyAuthenticator(null);
		sshd.setKeyboardInteractiveAuthenticator(null);
		CoreModuleProperties.IDLE_TIMEOUT.set(sshd, this.properties.idleTimeout());
		// sshd's default gives an unauthenticated connection two minutes.
		CoreModuleProperties.AUTH_TIMEOUT.set(sshd, this.properties.loginTimeout());
		CoreModuleProperties.MAX_CONCURRENT_SESSIONS.set(sshd, this.properties.maxSessionsPerCamera());
		CoreModuleProperties.MAX_AUTH_REQUESTS.set(sshd, 3);
		sshd.setFileSystemFactory(new VirtualFileSystemFactory() {
			@Override
			public Path getUserHomeDir(SessionContext session) {
				CameraAccount account = session.getAttribute(SftpCompletion.ACCOUNT);
				if (account == null) {
					throw new IllegalStateException("no camera account on this session");
				}
				return SftpServerLifecycle.this.cameras.home(account).toAbsolutePath();
			}
		});
		SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().build();
		sftp.addSftpEventListener(new SftpRestrictions());
		sftp.addSftpEventListener(new SftpCompletion(this.intake, this.cameras));
		sshd.setSubsystemFactories(List.of(sftp));
		try {
			sshd.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("SFTP server could not start on port " + this.properties.port(), ex);
		}
		this.server = sshd;
		log.info("SFTP server listening on port {}", port());
	}

	public int port() {
		return (this.server != null) ? this.server.getPort() : -1;
	}

	@Override
	public synchronized void stop() {
		if (this.server != null) {
			try {
				this.server.stop(true);
			}
			catch (IOException ex) {
				log.warn("Stopping the SFTP server failed", ex);
			}
			this.server = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.server != null && this.server.isStarted();
	}

}
