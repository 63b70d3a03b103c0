package dev.vigil.bench.baseline;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.List;

/**
 * Debian's vsftpd, configured by the bench itself on a loopback port, writing uploads to
 * a plain directory: what the system Vigil replaces ran on the Raspberry Pi. Anonymous
 * uploads into a writable chroot, passive and active mode, no TLS, no logging: the
 * fastest honest configuration.
 */
public final class VsftpdServer implements AutoCloseable {

	/** Directory below the anonymous root that cameras upload into. */
	public static final String UPLOAD_DIRECTORY = "upload";

	private static final Path BINARY = Path.of("/usr/sbin/vsftpd");

	private final Process process;

	private final int port;

	private final Path root;

	private VsftpdServer(Process process, int port, Path root) {
		this.process = process;
		this.port = port;
		this.root = root;
	}

	/**
	 * Starts vsftpd on free loopback ports.
	 * @param workDir where its configuration and the uploaded files go
	 * @param passivePorts how many passive ports to open
	 * @return the running server
	 * @throws IOException if vsftpd is missing or does not start
	 */
	public static VsftpdServer start(Path workDir, int passivePorts) throws IOException {
		if (!Files.isExecutable(BINARY)) {
			throw new IOException("vsftpd is not installed: run ./vigil setup (Debian package vsftpd)");
		}
		Path root = Files.createDirectories(workDir.resolve("ftp-root"));
		Path emptyDir = Files.createDirectories(workDir.resolve("empty"));
		// vsftpd refuses a writable chroot for anonymous users: uploads go one level
		// down.
		Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path uploads = Files.createDirectories(root.resolve(UPLOAD_DIRECTORY));
		UserPrincipalLookupService users = root.getFileSystem().getUserPrincipalLookupService();
		Files.setOwner(uploads, users.lookupPrincipalByName("ftp"));
		int port = freePort();
		int passiveFrom = freePortRange(passivePorts);
		Path config = workDir.resolve("vsftpd.conf");
		Files.write(config, List.of("listen=YES", "listen_ipv6=NO", "listen_address=127.0.0.1", "listen_port=" + port,
				"background=NO", "anonymous_enable=YES", "no_anon_password=YES", "anon_root=" + root,
				"anon_upload_enable=YES", "anon_mkdir_write_enable=YES", "anon_other_write_enable=YES",
				"anon_umask=022", "write_enable=YES", "local_enable=NO", "pasv_enable=YES", "pasv_address=127.0.0.1",
				"pasv_min_port=" + passiveFrom, "pasv_max_port=" + (passiveFrom + passivePorts - 1), "port_enable=YES",
				"connect_from_port_20=NO", "seccomp_sandbox=NO", "isolate=NO", "isolate_network=NO",
				"xferlog_enable=NO", "dirmessage_enable=NO", "secure_chroot_dir=" + emptyDir, "max_clients=500",
				"max_per_ip=500", "idle_session_timeout=120", "data_connection_timeout=120"));
		Process process = new ProcessBuilder(BINARY.toString(), config.toString()).redirectErrorStream(true)
			.redirectOutput(workDir.resolve("vsftpd.log").toFile())
			.start();
		VsftpdServer server = new VsftpdServer(process, port, root);
		server.awaitListening(Duration.ofSeconds(10));
		return server;
	}

	public int port() {
		return this.port;
	}

	/**
	 * Where uploaded files land.
	 * @return the anonymous user's root
	 */
	public Path root() {
		return this.root;
	}

	public long pid() {
		return this.process.pid();
	}

	private void awaitListening(Duration timeout) throws IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IOException("vsftpd exited with " + this.process.exitValue() + " (see vsftpd.log)");
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
				return;
			}
			catch (IOException notYet) {
				sleep();
			}
		}
		close();
		throw new IOException("vsftpd did not listen on " + this.port + " within " + timeout);
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/**
	 * A run of consecutive ports free right now, searched in the ephemeral range's upper
	 * part.
	 */
	private static int freePortRange(int count) throws IOException {
		for (int from = 42000; from < 60000; from += count) {
			if (rangeFree(from, count)) {
				return from;
			}
		}
		throw new IOException("No " + count + " consecutive free ports");
	}

	private static boolean rangeFree(int from, int count) {
		for (int port = from; port < from + count; port++) {
			try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
				// free
			}
			catch (IOException taken) {
				return false;
			}
		}
		return true;
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
