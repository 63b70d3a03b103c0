package dev.vigil.devstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;

/**
 * A real Redis server as a child process: the {@code redis-server} on the PATH (Debian
 * package), otherwise the binary bundled in embedded-redis. System property
 * {@code vigil.devstack.redis} ({@code auto}, {@code system}, {@code embedded}) forces
 * one. Data lives under the data dir; a controlled stop saves it ({@code SHUTDOWN SAVE}).
 */
final class RedisServer extends ChildProcessComponent {

	private static final Logger logger = LoggerFactory.getLogger(RedisServer.class);

	private final Path dir;

	private final Path logFile;

	private final int port;

	private final boolean durable;

	private @Nullable String executable;

	RedisServer(Path dataDir, Path logDir, int port, boolean durable) {
		this.dir = dataDir.resolve("redis");
		this.logFile = logDir.resolve("redis.log");
		this.port = port;
		this.durable = durable;
	}

	int port() {
		return this.port;
	}

	@Override
	public Component component() {
		return Component.REDIS;
	}

	@Override
	public void launch() {
		if (running()) {
			return;
		}
		try {
			Files.createDirectories(this.dir);
		}
		catch (IOException ex) {
			throw new DevstackException("Cannot create the Redis data dir " + this.dir + ": " + ex.getMessage(), ex);
		}
		String binary = executable();
		// Tests save only on a controlled stop (fast); ./vigil up also appends every
		// write.
		this.process = ChildProcess.start("Redis",
				List.of(binary, "--port", String.valueOf(this.port), "--bind", DevstackSettings.HOST, "--dir",
						this.dir.toString(), "--dbfilename", "dump.rdb", "--save", "", "--appendonly",
						this.durable ? "yes" : "no", "--daemonize", "no", "--protected-mode", "yes"),
				this.dir, this.logFile);
	}

	private String executable() {
		String known = this.executable;
		if (known != null) {
			return known;
		}
		String choice = System.getProperty("vigil.devstack.redis", "auto").trim().toLowerCase(Locale.ROOT);
		String found = choice.equals("embedded") ? null : onPath("redis-server");
		if (found != null) {
			logger.info("Redis: using {} from the PATH", found);
		}
		else if (choice.equals("system")) {
			throw new DevstackException("vigil.devstack.redis=system but no redis-server is on the PATH; install the "
					+ "Debian package redis-server (./vigil setup does it when run as root)");
		}
		else {
			try {
				File bundled = ExecutableProvider.newJarResourceProvider().get();
				if (!bundled.canExecute() && !bundled.setExecutable(true)) {
					throw new DevstackException("Cannot make the embedded Redis binary executable: " + bundled);
				}
				found = bundled.getAbsolutePath();
				logger.info("Redis: {}, using the binary bundled in embedded-redis ({})",
						choice.equals("embedded") ? "vigil.devstack.redis=embedded" : "no redis-server on the PATH",
						found);
			}
			catch (IOException ex) {
				throw new DevstackException("No redis-server on the PATH and the embedded Redis binary cannot be "
						+ "extracted: " + ex.getMessage(), ex);
			}
		}
		this.executable = found;
		return found;
	}

	static @Nullable String onPath(String name) {
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String entry : path.split(File.pathSeparator)) {
			if (!entry.isEmpty()) {
				Path candidate = Path.of(entry, name);
				if (Files.isExecutable(candidate)) {
					return candidate.toString();
				}
			}
		}
		return null;
	}

	@Override
	public void awaitReady(Duration timeout) {
		ChildProcess child = this.process;
		Await.until("Redis on " + DevstackSettings.HOST + ":" + this.port, timeout, child, this.logFile.toString(),
				() -> "+PONG".equals(command("PING")));
	}

	/**
	 * Sends one inline command and returns the first reply line (RESP), without a client
	 * library.
	 */
	private @Nullable String command(String command) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 1000);
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder line = new StringBuilder();
			for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
				if (b != '\r') {
					line.append((char) b);
				}
			}
			return line.toString();
		}
		catch (IOException ex) {
			return null;
		}
	}

	@Override
	public void stop() {
		ChildProcess child = this.process;
		if (child != null) {
			if (child.isAlive()) {
				// Persists the dataset so that start() brings the same data back.
				command("SHUTDOWN SAVE");
			}
			child.stop(Duration.ofSeconds(10));
			this.process = null;
		}
	}

	@Override
	public String where() {
		return DevstackSettings.HOST + ":" + this.port + " (" + ((this.executable != null) ? this.executable : "redis")
				+ ", child pid " + pid().orElse(-1) + ", log " + this.logFile + ")";
	}

}
