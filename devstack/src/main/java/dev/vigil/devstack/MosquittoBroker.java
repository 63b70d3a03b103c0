package dev.vigil.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A real Mosquitto broker (Debian package {@code mosquitto}, installed by
 * {@code ./vigil setup}) as a child process: no anonymous access, one password per
 * client, an ACL per client, persistence under its directory. Used by {@code ./vigil up}
 * (through {@link DevstackMain}) and by integration tests that need an MQTT broker.
 */
public final class MosquittoBroker implements AutoCloseable {

	private static final Pattern USER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	private final Path dir;

	private final Path logFile;

	private final int port;

	private final String executable;

	private @Nullable ChildProcess process;

	/**
	 * One client of the broker.
	 *
	 * @param user user name
	 * @param password its password (stored hashed by {@code mosquitto_passwd})
	 * @param acl ACL lines without the {@code topic} keyword, e.g. {@code "read vigil/#"}
	 */
	public record Account(String user, String password, List<String> acl) {

		public Account {
			if (!USER.matcher(user).matches()) {
				throw new IllegalArgumentException("MQTT user must be 1-64 letters, digits, '.', '_' or '-'");
			}
			if (password.isEmpty() || password.contains("\n")) {
				throw new IllegalArgumentException("MQTT password of " + user + " must be one non-empty line");
			}
			acl = List.copyOf(acl);
		}

	}

	private MosquittoBroker(Path dir, Path logFile, int port, String executable) {
		this.dir = dir;
		this.logFile = logFile;
		this.port = port;
		this.executable = executable;
	}

	/**
	 * Whether a Mosquitto binary is installed.
	 * @return true when {@code mosquitto} and {@code mosquitto_passwd} are found
	 */
	public static boolean available() {
		return executable("mosquitto") != null && executable("mosquitto_passwd") != null;
	}

	/**
	 * Writes the configuration, password and ACL files and starts the broker.
	 * @param dir its directory (configuration, persistence)
	 * @param logFile where it logs
	 * @param port port on 127.0.0.1, 0 for a free one
	 * @param accounts its clients
	 * @param timeout how long it may take to accept connections
	 * @return the running broker
	 */
	public static MosquittoBroker start(Path dir, Path logFile, int port, List<Account> accounts, Duration timeout) {
		String binary = executable("mosquitto");
		String passwd = executable("mosquitto_passwd");
		if (binary == null || passwd == null) {
			throw new DevstackException("No mosquitto on the PATH or in /usr/sbin: install the Debian package "
					+ "mosquitto (./vigil setup does it when run as root)");
		}
		int chosen = (port == 0) ? Ports.free() : port;
		try {
			Files.createDirectories(dir.resolve("data"));
			Path passwords = dir.resolve("passwords");
			Files.deleteIfExists(passwords);
			Files.createFile(passwords,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			for (Account account : accounts) {
				run(List.of(passwd, "-b", passwords.toString(), account.user(), account.password()));
			}
			StringBuilder acl = new StringBuilder();
			for (Account account : accounts) {
				acl.append("user ").append(account.user()).append('\n');
				account.acl().forEach((line) -> acl.append("topic ").append(line).append('\n'));
				acl.append('\n');
			}
			Files.writeString(dir.resolve("acl"), acl);
			String conf = """
					# Written by devstack; rewritten on every start.
					user %s
					listener %d 127.0.0.1
					allow_anonymous false
					password_file %s
					acl_file %s
					persistence true
					persistence_location %s/
					log_dest stdout
					log_type error
					log_type warning
					log_type notice
					""".formatted(System.getProperty("user.name"), chosen, passwords, dir.resolve("acl"),
					dir.resolve("data"));
			Files.writeString(dir.resolve("mosquitto.conf"), conf);
		}
		catch (IOException ex) {
			throw new DevstackException("Cannot write the Mosquitto configuration in " + dir + ": " + ex.getMessage(),
					ex);
		}
		MosquittoBroker broker = new MosquittoBroker(dir, logFile, chosen, binary);
		broker.launch(timeout);
		return broker;
	}

	private void launch(Duration timeout) {
		if (running()) {
			return;
		}
		this.process = ChildProcess.start("Mosquitto",
				List.of(this.executable, "-c", this.dir.resolve("mosquitto.conf").toString()), this.dir, this.logFile);
		Await.until("Mosquitto on " + host() + ":" + this.port, timeout, this.process, this.logFile.toString(),
				this::accepts);
	}

	private boolean accepts() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host(), this.port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	public String host() {
		return DevstackSettings.HOST;
	}

	public int port() {
		return this.port;
	}

	/**
	 * {@code tcp://host:port}, the form MQTT clients take.
	 * @return the broker URI
	 */
	public String uri() {
		return "tcp://" + host() + ":" + this.port;
	}

	public boolean running() {
		ChildProcess child = this.process;
		return child != null && child.isAlive();
	}

	public OptionalLong pid() {
		ChildProcess child = this.process;
		return (child != null) ? OptionalLong.of(child.pid()) : OptionalLong.empty();
	}

	/** Stops the broker, keeping port and data, so that clients see an outage. */
	public void stop() {
		ChildProcess child = this.process;
		if (child != null) {
			child.stop(Duration.ofSeconds(10));
			this.process = null;
		}
	}

	/**
	 * Starts a stopped broker again on the same port with the same data.
	 * @param timeout how long it may take
	 */
	public void start(Duration timeout) {
		launch(timeout);
	}

	public String where() {
		return host() + ":" + this.port + " (" + this.executable + ", child pid " + pid().orElse(-1) + ", log "
				+ this.logFile + ")";
	}

	@Override
	public void close() {
		stop();
	}

	private static void run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new DevstackException(command.getFirst() + " failed: " + output.strip());
			}
		}
		catch (IOException ex) {
			throw new DevstackException("Cannot run " + command.getFirst() + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DevstackException("Interrupted while running " + command.getFirst(), ex);
		}
	}

	private static @Nullable String executable(String name) {
		String found = RedisServer.onPath(name);
		if (found != null) {
			return found;
		}
		for (String dir : List.of("/usr/sbin", "/usr/bin")) {
			Path candidate = Path.of(dir, name);
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		return null;
	}

}
