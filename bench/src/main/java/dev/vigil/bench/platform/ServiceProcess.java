package dev.vigil.bench.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One Vigil service running from its Boot jar in a child process, so that it can be
 * killed hard ({@code kill -9}) and restarted the way a real node dies.
 */
public final class ServiceProcess implements AutoCloseable {

	/**
	 * Services of this JVM: killed when it exits, also on Ctrl-C, so none is orphaned.
	 */
	private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "vigil-service-processes"));
	}

	private final String name;

	private final Path jar;

	private final List<String> jvmOptions;

	private final Map<String, String> properties;

	private final Path log;

	private final int httpPort;

	private Process process;

	private ServiceProcess(String name, Path jar, List<String> jvmOptions, Map<String, String> properties, Path log,
			int httpPort) {
		this.name = name;
		this.jar = jar;
		this.jvmOptions = List.copyOf(jvmOptions);
		this.properties = new TreeMap<>(properties);
		this.log = log;
		this.httpPort = httpPort;
	}

	/**
	 * Starts a service and waits until its readiness probe answers UP.
	 * @param module the module name, e.g. {@code ingest-service}
	 * @param repositoryRoot the source tree, where {@code <module>/target/<module>.jar}
	 * is
	 * @param jvmOptions e.g. {@code -Xmx128m}
	 * @param properties Spring properties, passed as {@code --name=value}
	 * @param logDir where {@code <module>.log} goes
	 * @param timeout how long to wait for readiness
	 * @return the running service
	 * @throws IOException if the jar is missing or the service does not become ready
	 */
	public static ServiceProcess start(String module, Path repositoryRoot, List<String> jvmOptions,
			Map<String, String> properties, Path logDir, Duration timeout) throws IOException {
		ServiceProcess service = launch(module, repositoryRoot, jvmOptions, properties, logDir);
		service.awaitReady(timeout);
		return service;
	}

	/**
	 * Starts a service without waiting, so that several can boot at once; follow with
	 * {@link #awaitReady(Duration)}.
	 * @param module the module name
	 * @param repositoryRoot the source tree
	 * @param jvmOptions JVM options
	 * @param properties Spring properties
	 * @param logDir where {@code <module>.log} goes
	 * @return the started (not yet ready) service
	 * @throws IOException if the jar is missing or the process cannot start
	 */
	public static ServiceProcess launch(String module, Path repositoryRoot, List<String> jvmOptions,
			Map<String, String> properties, Path logDir) throws IOException {
		Path jar = repositoryRoot.resolve(module).resolve("target").resolve(module + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IOException("No " + jar + ": build it first (./mvnw package -DskipTests)");
		}
		Map<String, String> withPort = new TreeMap<>(properties);
		int port = withPort.containsKey("server.port") ? Integer.parseInt(withPort.get("server.port")) : freePort();
		withPort.put("server.port", Integer.toString(port));
		Files.createDirectories(logDir);
		ServiceProcess service = new ServiceProcess(module, jar, jvmOptions, withPort, logDir.resolve(module + ".log"),
				port);
		service.launch();
		return service;
	}

	/**
	 * A free TCP port on loopback.
	 * @return the port
	 * @throws IOException if none can be bound
	 */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	public String name() {
		return this.name;
	}

	public int httpPort() {
		return this.httpPort;
	}

	public long pid() {
		return this.process.pid();
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.httpPort + path);
	}

	/**
	 * Kills the process without letting it shut down, like a power cut or
	 * {@code kill -9}.
	 * @throws InterruptedException if interrupted while waiting for it to die
	 */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/**
	 * Starts the service again with the same configuration and waits for readiness.
	 * @param timeout how long to wait
	 * @throws IOException if it does not become ready
	 */
	public void restart(Duration timeout) throws IOException {
		if (this.process.isAlive()) {
			throw new IllegalStateException(this.name + " is still running");
		}
		launch();
		awaitReady(timeout);
	}

	/**
	 * A module's own JVM environment ({@code <module>/jvm.env}, {@code KEY=VALUE} lines),
	 * as {@code ./vigil up} sets it.
	 */
	static Map<String, String> moduleEnvironment(Path module) throws IOException {
		Path file = module.resolve("jvm.env");
		Map<String, String> environment = new TreeMap<>();
		if (Files.isRegularFile(file)) {
			for (String line : Files.readAllLines(file)) {
				int equals = line.indexOf('=');
				if (!line.isBlank() && !line.startsWith("#") && equals > 0) {
					environment.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
				}
			}
		}
		return environment;
	}

	private void launch() throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(this.jvmOptions);
		command.add("-jar");
		command.add(this.jar.toString());
		this.properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		builder.environment().putAll(moduleEnvironment(this.jar.getParent().getParent()));
		this.process = builder.start();
		LIVE.add(this.process);
		this.process.onExit().thenAccept(LIVE::remove);
	}

	/**
	 * Waits until the readiness probe answers UP; stops the process when it does not.
	 * @param timeout how long to wait
	 * @throws IOException if the process exits or is not ready in time
	 */
	public void awaitReady(Duration timeout) throws IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
			HttpRequest readiness = HttpRequest.newBuilder(uri("/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(2))
				.build();
			while (System.nanoTime() < deadline) {
				if (!this.process.isAlive()) {
					throw new IOException(this.name + " exited with " + this.process.exitValue() + "; see " + this.log);
				}
				try {
					if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
						return;
					}
				}
				catch (IOException notYet) {
					// Not listening yet.
				}
				Thread.sleep(250);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while waiting for " + this.name, ex);
		}
		close();
		throw new IOException(this.name + " was not ready within " + timeout + "; see " + this.log);
	}

	@Override
	public void close() {
		if (this.process == null || !this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
