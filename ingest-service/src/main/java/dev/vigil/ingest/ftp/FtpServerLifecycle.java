package dev.vigil.ingest.ftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import dev.vigil.ingest.EdgeProperties;
import dev.vigil.ingest.camera.CameraDirectory;
import dev.vigil.ingest.camera.LoginGuard;
import dev.vigil.ingest.intake.Intake;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.command.CommandFactoryFactory;
import org.apache.ftpserver.command.impl.PASS;
import org.apache.ftpserver.command.impl.USER;
import org.apache.ftpserver.filesystem.nativefs.NativeFileSystemFactory;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.Ftplet;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfiguration;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the Apache MINA FtpServer with camera accounts, the upload commands that feed the
 * intake, passive/active data connections and FTPS.
 */
public class FtpServerLifecycle implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(FtpServerLifecycle.class);

	private final FtpProperties properties;

	private final EdgeProperties edge;

	private final CameraDirectory cameras;

	private final LoginGuard guard;

	private final Intake intake;

	private final MeterRegistry meters;

	private @Nullable FtpServer server;

	FtpServerLifecycle(FtpProperties properties, EdgeProperties edge, CameraDirectory cameras, LoginGuard guard,
			Intake intake, MeterRegistry meters) {
		this.meters = meters;
		this.properties = properties;
		this.edge = edge;
		this.cameras = cameras;
		this.guard = guard;
		this.intake = intake;
	}

	@Override
	public synchronized void start() {
		if (this.properties.requireTls() && !this.properties.tls().enabled()) {
			throw new IllegalStateException(
					"vigil.ingest.ftp.require-tls needs vigil.ingest.ftp.tls.enabled=true: no camera could log in");
		}
		FtpServerFactory factory = new FtpServerFactory();
		factory.setUserManager(new CameraUserManager(this.cameras, this.properties));
		NativeFileSystemFactory fileSystem = new NativeFileSystemFactory();
		fileSystem.setCreateHome(true);
		factory.setFileSystem(fileSystem);
		// FtpServer adds its own entries to this map, so it must be mutable.
		Map<String, Ftplet> ftplets = new HashMap<>();
		FtpRefusals refusals = new FtpRefusals(this.meters);
		ftplets.put("refusals", refusals);
		ftplets.put("vigil", new SessionFtplet(this.guard, this.cameras, this.properties.requireTls(), refusals));
		ftplets.put("pre-login", new PreLoginLimit(this.properties.maxPreLogin(),
				this.properties.maxPreLoginPerSource(), this.properties.loginTimeout(), refusals));
		factory.setFtplets(ftplets);

		CommandFactoryFactory commands = new CommandFactoryFactory();
		commands.addCommand("STOR", new UploadCommand(UploadCommand.Mode.STORE, this.intake));
		commands.addCommand("APPE", new UploadCommand(UploadCommand.Mode.APPEND, this.intake));
		commands.addCommand("STOU", new UploadCommand(UploadCommand.Mode.UNIQUE, this.intake));
		commands.addCommand("RNTO", new RenameToCommand(this.intake));
		commands.addCommand("MKD", new MakeDirectoryCommand());
		commands.addCommand("XMKD", new MakeDirectoryCommand());
		commands.addCommand("ALLO", new AllocateCommand(this.intake));
		commands.addCommand("USER", new LoginLimitCommand(new USER(), refusals));
		commands.addCommand("PASS", new LoginLimitCommand(new PASS(), refusals));
		factory.setCommandFactory(commands.createCommandFactory());

		ConnectionConfigFactory connections = new ConnectionConfigFactory();
		connections.setAnonymousLoginEnabled(false);
		connections.setMaxLogins(this.properties.maxSessions());
		connections.setMaxLoginFailures(this.properties.maxLoginFailures());
		connections.setLoginFailureDelay(500);
		factory.setConnectionConfig(connections.createConnectionConfig());

		SslConfiguration ssl = this.properties.tls().enabled() ? ssl() : null;
		factory.addListener("default", listener(this.properties.port(), ssl, false));
		Integer implicitPort = this.properties.tls().implicitPort();
		if (ssl != null && implicitPort != null) {
			factory.addListener("implicit", listener(implicitPort, ssl, true));
		}
		int passive = passivePortCount(this.properties.passivePorts());
		if (passive >= 0 && passive < this.properties.maxSessions()) {
			log.warn(
					"vigil.ingest.ftp.passive-ports {} has {} ports for max-sessions {}: sessions beyond it get"
							+ " 425 at PASV when all are in use",
					this.properties.passivePorts(), passive, this.properties.maxSessions());
		}
		FtpServer ftp = factory.createServer();
		try {
			ftp.start();
		}
		catch (FtpException ex) {
			throw new IllegalStateException("FTP server could not start on port " + this.properties.port(), ex);
		}
		this.server = ftp;
		log.info("FTP server listening on port {} (passive {}, active {}, FTPS {}{})", port(),
				this.properties.passivePorts(), this.properties.activeEnabled() ? "on" : "off",
				(ssl != null) ? "explicit" : "off",
				(implicitPort != null && ssl != null) ? " + implicit on " + implicitPort() : "");
	}

	private Listener listener(int port, @Nullable SslConfiguration ssl, boolean implicit) {
		DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
		data.setPassivePorts(this.properties.passivePorts());
		if (this.properties.passiveExternalAddress() != null) {
			data.setPassiveExternalAddress(this.properties.passiveExternalAddress());
		}
		data.setActiveEnabled(this.properties.activeEnabled());
		// Only connect back to the client itself: no FTP bounce through the edge.
		data.setActiveIpCheck(true);
		// A passive data connection must come from the camera's own address: otherwise
		// another
		// host that reaches the announced port first stores its bytes as the camera's
		// upload.
		data.setPassiveIpCheck(true);
		data.setIdleTime((int) this.properties.idleTimeout().toSeconds());
		if (ssl != null) {
			data.setSslConfiguration(ssl);
			data.setImplicitSsl(implicit);
		}
		ListenerFactory listener = new ListenerFactory();
		listener.setPort(port);
		if (this.properties.bindAddress() != null) {
			listener.setServerAddress(this.properties.bindAddress());
		}
		listener.setIdleTimeout((int) this.properties.idleTimeout().toSeconds());
		listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
		if (ssl != null) {
			listener.setSslConfiguration(ssl);
			listener.setImplicitSsl(implicit);
		}
		return listener.createListener();
	}

	private SslConfiguration ssl() {
		String keystore;
		String password;
		FtpProperties.Tls tls = this.properties.tls();
		if (tls.keystore() != null) {
			if (tls.keystorePassword() == null) {
				throw new IllegalStateException("vigil.ingest.ftp.tls.keystore-password is required with a keystore");
			}
			keystore = tls.keystore().toString();
			password = tls.keystorePassword();
		}
		else {
			try {
				String[] generated = TlsKeystore.generated(this.edge.dataDir(), this.edge.nodeId());
				keystore = generated[0];
				password = generated[1];
			}
			catch (IOException ex) {
				throw new UncheckedIOException(
						"Cannot create an FTPS certificate; configure vigil.ingest.ftp.tls.keystore", ex);
			}
		}
		SslConfigurationFactory ssl = new SslConfigurationFactory();
		ssl.setKeystoreFile(new java.io.File(keystore));
		ssl.setKeystorePassword(password);
		ssl.setKeystoreType("PKCS12");
		ssl.setSslProtocol(tls.protocols().toArray(String[]::new));
		return ssl.createSslConfiguration();
	}

	/**
	 * Ports in a passive range such as {@code 30000-30063} or {@code 30000,30002-30005};
	 * -1 for {@code 0} (any free port) or an open-ended range.
	 */
	static int passivePortCount(String ranges) {
		int count = 0;
		for (String part : ranges.split(",")) {
			String[] bounds = part.trim().split("-", -1);
			if (bounds[0].isEmpty() || bounds[bounds.length - 1].isEmpty() || "0".equals(bounds[0])) {
				return -1;
			}
			int from = Integer.parseInt(bounds[0].trim());
			int to = Integer.parseInt(bounds[bounds.length - 1].trim());
			count += Math.max(0, to - from + 1);
		}
		return count;
	}

	/** The bound control port (useful with port 0). */
	public int port() {
		return (this.server instanceof DefaultFtpServer ftp) ? ftp.getListener("default").getPort() : -1;
	}

	public int implicitPort() {
		if (this.server instanceof DefaultFtpServer ftp && ftp.getListener("implicit") != null) {
			return ftp.getListener("implicit").getPort();
		}
		return -1;
	}

	@Override
	public synchronized void stop() {
		if (this.server != null) {
			this.server.stop();
			this.server = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.server != null && !this.server.isStopped();
	}

}
