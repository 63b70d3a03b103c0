package dev.vigil.bench.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import dev.vigil.bench.sim.CameraSimulator;
import dev.vigil.devstack.Infrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running Vigil platform for benchmarks, the fault suite and end-to-end tests: chosen
 * services, each from its built jar in its own process, on the given infrastructure. The
 * catalog trusts identity-service directly (issuer {@code http://127.0.0.1:<port>})
 * unless the gateway runs, in which case the issuer is the gateway's {@code /auth}, as in
 * production. With the ui, the gateway routes to it and identity-service registers it
 * (redirect and sign-out URIs on the gateway's address, a client secret of this run).
 */
public final class Platform implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Infrastructure infrastructure;

	private final Path work;

	private final Map<Service, ServiceProcess> running = new EnumMap<>(Service.class);

	private final int ftpPort;

	private final String issuer;

	private int gatewayPort;

	private final String uiClientSecret = "ui-" + UUID.randomUUID();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Platform(Infrastructure infrastructure, Path work, int ftpPort, String issuer) {
		this.infrastructure = infrastructure;
		this.work = work;
		this.ftpPort = ftpPort;
		this.issuer = issuer;
	}

	/**
	 * Starts a platform.
	 * @param infrastructure Kafka, Redis, S3 and MongoDB to use
	 * @param work a directory for the services' data and logs (under {@code logs/})
	 * @return a builder
	 */
	public static Builder on(Infrastructure infrastructure, Path work) {
		return new Builder(infrastructure, work);
	}

	/**
	 * The repository root: the nearest directory up from the working directory with the
	 * {@code vigil} script and the Maven wrapper.
	 * @return the root
	 */
	public static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			if (Files.isRegularFile(dir.resolve("vigil")) && Files.isRegularFile(dir.resolve("mvnw"))) {
				return dir;
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException("Not inside the Vigil repository: " + Path.of("").toAbsolutePath());
	}

	/**
	 * The issuer of the platform's tokens: the gateway's {@code /auth} when the gateway
	 * runs, identity-service itself otherwise.
	 * @return the issuer URI
	 */
	public URI issuer() {
		return URI.create(this.issuer);
	}

	/**
	 * Where browsers and integrators reach the platform: the gateway.
	 * @return the gateway's base URI, e.g. {@code http://127.0.0.1:PORT}
	 */
	public URI publicUri() {
		return URI.create("http://127.0.0.1:" + this.gatewayPort);
	}

	public Infrastructure infrastructure() {
		return this.infrastructure;
	}

	public Path work() {
		return this.work;
	}

	/**
	 * The running service.
	 * @param service which
	 * @return its process
	 */
	public ServiceProcess service(Service service) {
		ServiceProcess process = this.running.get(service);
		if (process == null) {
			throw new IllegalStateException(service.module() + " is not part of this platform");
		}
		return process;
	}

	/**
	 * The edge's FTP port (loopback).
	 * @return the port
	 */
	public int ftpPort() {
		return this.ftpPort;
	}

	/**
	 * The edge's data directory (spool, journal).
	 * @return the directory
	 */
	public Path ingestDataDir() {
		return this.work.resolve("ingest");
	}

	/**
	 * A client-credentials token of the demo client identity-service creates on first
	 * start.
	 * @param scopes space-separated scopes, e.g. {@code media:read}
	 * @return the access token
	 * @throws IOException if identity-service refuses
	 */
	public String token(String scopes) throws IOException {
		Properties client = new Properties();
		try (InputStream in = Files.newInputStream(this.work.resolve("identity/demo-client.properties"))) {
			client.load(in);
		}
		String basic = Base64.getEncoder()
			.encodeToString((client.getProperty("client-id") + ":" + client.getProperty("client-secret"))
				.getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.issuer + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("grant_type=client_credentials&scope=" + URLEncoder.encode(scopes, StandardCharsets.UTF_8)))
			.build();
		HttpResponse<String> response = send(request);
		if (response.statusCode() != 200) {
			throw new IOException("Token request answered " + response.statusCode() + ": " + response.body());
		}
		return json.readTree(response.body()).get("access_token").asString();
	}

	/**
	 * GET on catalog-api.
	 * @param pathAndQuery e.g. {@code /api/v1/media?camera=cam-01}
	 * @param token a bearer token
	 * @return status and body
	 * @throws IOException on a transport failure
	 */
	public HttpResponse<String> catalogGet(String pathAndQuery, String token) throws IOException {
		return send(HttpRequest.newBuilder(service(Service.CATALOG).uri(pathAndQuery))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.build());
	}

	/**
	 * Parses a JSON body.
	 * @param body the text
	 * @return the tree
	 */
	public static JsonNode json(String body) {
		return json.readTree(body);
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted", ex);
		}
	}

	@Override
	public void close() {
		new ArrayList<>(this.running.values()).reversed().forEach(ServiceProcess::close);
		this.running.clear();
		this.http.close();
	}

	/**
	 * The services a platform can run, in start order.
	 */
	public enum Service {

		IDENTITY("identity-service"), CATALOG("catalog-api"), PROCESSING("processing-service"),
		INGEST("ingest-service"), NOTIFICATION("notification-service"), UI("ui"), GATEWAY("gateway-edge");

		private final String module;

		Service(String module) {
			this.module = module;
		}

		public String module() {
			return this.module;
		}

	}

	/**
	 * What to start and how.
	 */
	public static final class Builder {

		private final Infrastructure infrastructure;

		private final Path work;

		private final Set<Service> services = EnumSet.noneOf(Service.class);

		private final List<CameraSimulator.Camera> cameras = new ArrayList<>();

		private final Map<Service, Map<String, String>> properties = new EnumMap<>(Service.class);

		private final Map<Service, List<String>> jvmOptions = new EnumMap<>(Service.class);

		private Duration startTimeout = Duration.ofMinutes(4);

		private Builder(Infrastructure infrastructure, Path work) {
			this.infrastructure = infrastructure;
			this.work = work.toAbsolutePath();
		}

		public Builder services(Service... services) {
			this.services.addAll(List.of(services));
			return this;
		}

		/**
		 * Camera accounts for the edge's FTP server.
		 * @param cameras the cameras (user, password, camera id)
		 * @return this
		 */
		public Builder cameras(List<CameraSimulator.Camera> cameras) {
			this.cameras.addAll(cameras);
			return this;
		}

		public Builder property(Service service, String key, String value) {
			this.properties.computeIfAbsent(service, (s) -> new LinkedHashMap<>()).put(key, value);
			return this;
		}

		public Builder jvmOptions(Service service, String... options) {
			this.jvmOptions.put(service, List.of(options));
			return this;
		}

		public Builder startTimeout(Duration timeout) {
			this.startTimeout = timeout;
			return this;
		}

		/**
		 * Starts the services side by side and waits until each is ready; on failure
		 * stops those already started.
		 * @return the platform
		 * @throws IOException if a service does not start
		 */
		public Platform start() throws IOException {
			Path root = repositoryRoot();
			Path logs = this.work.resolve("logs");
			int gatewayPort = ServiceProcess.freePort();
			int identityPort = ServiceProcess.freePort();
			String issuer = this.services.contains(Service.GATEWAY) ? "http://127.0.0.1:" + gatewayPort + "/auth"
					: "http://127.0.0.1:" + identityPort;
			int ftpPort = ServiceProcess.freePort();
			Platform platform = new Platform(this.infrastructure, this.work, ftpPort, issuer);
			platform.gatewayPort = gatewayPort;
			Map<Service, Integer> ports = new EnumMap<>(Service.class);
			for (Service service : this.services) {
				ports.put(service, (service == Service.GATEWAY) ? gatewayPort
						: (service == Service.IDENTITY) ? identityPort : ServiceProcess.freePort());
			}
			try {
				// All at once: none needs another to start (the catalog fetches the
				// issuer's
				// keys on its first request), and booting JVMs side by side saves
				// minutes.
				for (Service service : this.services) {
					Map<String, String> props = new TreeMap<>(this.infrastructure.springProperties());
					props.put("spring.profiles.active", "devstack");
					props.put("logging.file.name", "");
					props.put("server.port", Integer.toString(ports.get(service)));
					props.putAll(own(service, platform, ports, issuer));
					props.putAll(this.properties.getOrDefault(service, Map.of()));
					platform.running.put(service, ServiceProcess.launch(service.module(), root,
							this.jvmOptions.getOrDefault(service, List.of("-Xmx256m")), props, logs));
				}
				for (ServiceProcess process : platform.running.values()) {
					process.awaitReady(this.startTimeout);
				}
			}
			catch (IOException | RuntimeException ex) {
				platform.close();
				throw ex;
			}
			return platform;
		}

		private Map<String, String> own(Service service, Platform platform, Map<Service, Integer> ports, String issuer)
				throws IOException {
			Map<String, String> own = new TreeMap<>();
			switch (service) {
				case IDENTITY -> {
					own.put("vigil.identity.issuer", issuer);
					own.put("vigil.identity.data-dir", this.work.resolve("identity").toString());
					if (this.services.contains(Service.UI)) {
						String gateway = platform.publicUri().toString();
						own.put("vigil.identity.clients.ui.client-secret", platform.uiClientSecret);
						own.put("vigil.identity.clients.ui.redirect-uris", gateway + "/login/oauth2/code/vigil");
						own.put("vigil.identity.clients.ui.post-logout-redirect-uris", gateway + "/signed-out");
					}
				}
				case CATALOG -> own.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer);
				case PROCESSING -> {
				}
				case INGEST -> {
					int passive = ServiceProcess.freePort();
					own.put("vigil.ingest.data-dir", platform.ingestDataDir().toString());
					own.put("vigil.ingest.ftp.port", Integer.toString(platform.ftpPort));
					own.put("vigil.ingest.ftp.passive-ports", passive + "-" + (passive + 49));
					own.put("vigil.ingest.sftp.enabled", "false");
					for (int i = 0; i < this.cameras.size(); i++) {
						CameraSimulator.Camera camera = this.cameras.get(i);
						own.put("vigil.ingest.cameras.accounts[" + i + "].user", camera.user());
						own.put("vigil.ingest.cameras.accounts[" + i + "].camera-id", camera.id());
						own.put("vigil.ingest.cameras.accounts[" + i + "].password", camera.password());
					}
				}
				case NOTIFICATION -> {
					// MQTT off unless the run names a broker (property(...)).
					own.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer);
					own.put("vigil.notification.public-url", platform.publicUri().toString());
					own.put("vigil.notification.channels.secret-key", "bench-" + UUID.randomUUID());
					own.put("vigil.notification.mqtt.enabled", "false");
				}
				case UI -> {
					own.put("vigil.ui.catalog.base-url", "http://127.0.0.1:" + ports.get(Service.CATALOG));
					own.put("vigil.ui.identity.admin-url", "http://127.0.0.1:" + ports.get(Service.IDENTITY));
					own.put("vigil.ui.sign-in.public-url", platform.publicUri().toString());
					own.put("spring.security.oauth2.client.provider.vigil.issuer-uri", issuer);
					own.put("spring.security.oauth2.client.registration.vigil.client-secret", platform.uiClientSecret);
				}
				case GATEWAY -> {
					own.put("vigil.gateway.routes.identity-uri", "http://127.0.0.1:" + ports.get(Service.IDENTITY));
					own.put("vigil.gateway.routes.catalog-uri", "http://127.0.0.1:" + ports.get(Service.CATALOG));
					if (ports.containsKey(Service.NOTIFICATION)) {
						own.put("vigil.gateway.routes.notification-uri",
								"http://127.0.0.1:" + ports.get(Service.NOTIFICATION));
					}
					own.put("vigil.gateway.routes.ui-uri",
							"http://127.0.0.1:" + ports.getOrDefault(Service.UI, ServiceProcess.freePort()));
				}
			}
			return own;
		}

	}

}
