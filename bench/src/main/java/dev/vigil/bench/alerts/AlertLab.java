package dev.vigil.bench.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;

import dev.vigil.bench.platform.Platform;
import dev.vigil.bench.platform.Platform.Service;
import dev.vigil.bench.platform.ServiceProcess;
import dev.vigil.bench.sim.CameraSimulator;
import dev.vigil.bench.sim.CameraSimulator.Camera;
import dev.vigil.bench.sim.CameraSimulator.Options;
import dev.vigil.bench.sim.FileNaming;
import dev.vigil.bench.sim.MediaPool;
import dev.vigil.devstack.MosquittoBroker;
import dev.vigil.devstack.PrivateInfrastructure;

/**
 * One alerting platform for the alert benchmark and its fault scenario: a private
 * devstack, a real Mosquitto with a password per client, catalog-api, processing-service,
 * the edge and notification-service from their jars, a webhook channel and a rule
 * ("person on any camera, no cooldown") set up through notification-service's API, a
 * Home-Assistant-like MQTT subscriber and the webhook receiver. Cameras upload the real
 * {@code person.jpg}, so every burst of a camera is one motion event with a person.
 */
final class AlertLab implements AutoCloseable {

	// Generous: on a busy shared 2-core box (load 60) services took over 10 minutes to
	// start.
	static final Duration START_TIMEOUT = Duration.ofMinutes(15);

	/**
	 * How big the lab is.
	 *
	 * @param cameras cameras uploading at once
	 * @param processingThreads processing-service's concurrency
	 */
	record Settings(int cameras, int processingThreads) {

	}

	/**
	 * What one camera uploaded in one round: one motion event.
	 *
	 * @param camera camera id
	 * @param round the round (an hour later on the camera's clock each)
	 * @param firstAcceptedAt when the camera got its first {@code 226} (wall clock)
	 * @param files SHA-256 of every accepted file
	 * @param refused uploads the edge did not confirm
	 */
	record Burst(String camera, int round, long firstAcceptedAt, List<String> files, int refused) {

	}

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final PrivateInfrastructure infrastructure;

	private final MosquittoBroker broker;

	private final Platform platform;

	private final WebhookSink webhook;

	private final MqttTap tap;

	private final ProcessedStamps processed;

	private final BenchTokens tokens;

	private final List<Camera> cameras;

	private final CameraSimulator simulator;

	private final List<Burst> uploaded = new java.util.concurrent.CopyOnWriteArrayList<>();

	private AlertLab(PrivateInfrastructure infrastructure, MosquittoBroker broker, Platform platform,
			WebhookSink webhook, MqttTap tap, ProcessedStamps processed, BenchTokens tokens, List<Camera> cameras,
			CameraSimulator simulator) {
		this.infrastructure = infrastructure;
		this.broker = broker;
		this.platform = platform;
		this.webhook = webhook;
		this.tap = tap;
		this.processed = processed;
		this.tokens = tokens;
		this.cameras = cameras;
		this.simulator = simulator;
	}

	/**
	 * Starts everything and sets up the webhook channel and the rule.
	 * @param work directory for the devstack, the broker, the services and their logs
	 * @param media directory of the real test media (with {@code darknet/person.jpg})
	 * @param settings sizes
	 * @return the running lab
	 * @throws Exception if something does not start or the API refuses the set-up
	 */
	static AlertLab start(Path work, Path media, Settings settings) throws Exception {
		MediaPool people = personOnly(media);
		List<Camera> cameras = Camera.numbered("alert-cam", settings.cameras(), "00626E5B3C");
		String readerPassword = UUID.randomUUID().toString();
		MosquittoBroker.Account service = new MosquittoBroker.Account("vigil-notify", UUID.randomUUID().toString(),
				List.of("readwrite vigil/#", "readwrite homeassistant/#"));
		MosquittoBroker.Account reader = new MosquittoBroker.Account("vigil-reader", readerPassword,
				List.of("read vigil/#", "read homeassistant/#"));
		BenchTokens tokens = BenchTokens.create(work);
		String webhookKey = "bench-webhook-key-" + UUID.randomUUID();
		WebhookSink webhook = new WebhookSink(ServiceProcess.freePort(), webhookKey);
		webhook.start();
		PrivateInfrastructure infrastructure = PrivateInfrastructure.start(work.resolve("devstack"));
		List<AutoCloseable> started = new ArrayList<>(List.of(webhook, infrastructure));
		try {
			MosquittoBroker broker = MosquittoBroker.start(work.resolve("mosquitto"),
					work.resolve("mosquitto/mosquitto.log"), 0, List.of(service, reader), Duration.ofSeconds(30));
			started.add(broker);
			Platform platform = Platform.on(infrastructure, work.resolve("platform"))
				.services(Service.CATALOG, Service.PROCESSING, Service.INGEST, Service.NOTIFICATION)
				.cameras(cameras)
				.startTimeout(START_TIMEOUT)
				.property(Service.PROCESSING, "vigil.processing.concurrency",
						Integer.toString(settings.processingThreads()))
				.property(Service.INGEST, "vigil.ingest.publish.max-backoff", "2s")
				.property(Service.NOTIFICATION, "vigil.notification.mqtt.enabled", "true")
				.property(Service.NOTIFICATION, "vigil.notification.mqtt.uri", broker.uri())
				.property(Service.NOTIFICATION, "vigil.notification.mqtt.username", service.user())
				.property(Service.NOTIFICATION, "vigil.notification.mqtt.password", service.password())
				.property(Service.NOTIFICATION, "vigil.notification.channels.allowed-hosts", "localhost")
				.property(Service.NOTIFICATION, "spring.security.oauth2.resourceserver.jwt.issuer-uri", "")
				.property(Service.NOTIFICATION, "spring.security.oauth2.resourceserver.jwt.public-key-location",
						"file:" + tokens.publicKey())
				.start();
			started.add(platform);
			MqttTap tap = new MqttTap(broker.uri(), reader.user(), reader.password());
			started.add(tap);
			ProcessedStamps processed = new ProcessedStamps(infrastructure.kafkaBootstrapServers());
			started.add(processed);
			AlertLab lab = new AlertLab(infrastructure, broker, platform, webhook, tap, processed, tokens, cameras,
					new CameraSimulator(people));
			lab.setUp(webhook.url(), webhookKey);
			return lab;
		}
		catch (Exception ex) {
			for (AutoCloseable closeable : started.reversed()) {
				closeable.close();
			}
			throw ex;
		}
	}

	private static MediaPool personOnly(Path media) throws IOException {
		Path person;
		try (var files = Files.walk(media.toRealPath())) {
			person = files.filter((file) -> file.getFileName().toString().equals("person.jpg"))
				.findFirst()
				.orElseThrow(() -> new IOException("No person.jpg under " + media + ": run ./vigil setup"));
		}
		return new MediaPool(List.of(new MediaPool.MediaFile("person.jpg", Files.readAllBytes(person), false)),
				List.of());
	}

	private void setUp(String webhookUrl, String webhookKey) throws IOException {
		JsonNode channel = post("/api/v1/notifications/channels", """
				{"type":"WEBHOOK","name":"bench receiver","url":"%s","secret":"%s"}""".formatted(webhookUrl,
				webhookKey));
		post("/api/v1/notifications/rules", """
				{"name":"Person anywhere","cameras":[],"labels":["person"],"minConfidence":0.0,"timeZone":"UTC",
				"cooldownSeconds":0,"channels":["%s"]}""".formatted(channel.path("id").asString()));
	}

	/**
	 * Every camera uploads one burst of person pictures, an hour later on its clock than
	 * the round before, so that each burst is an event of its own.
	 * @param round round number (0, 1, ...)
	 * @param filesPerCamera pictures per camera
	 * @param pace time between the starts of one camera's uploads
	 * @return one burst per camera
	 * @throws InterruptedException if interrupted
	 */
	List<Burst> upload(int round, int filesPerCamera, Duration pace) throws InterruptedException {
		Map<String, List<String>> files = new ConcurrentHashMap<>();
		Map<String, Long> first = new ConcurrentHashMap<>();
		Map<String, Integer> refused = new ConcurrentHashMap<>();
		Options options = new Options("127.0.0.1", this.platform.ftpPort(), "", this.cameras, filesPerCamera, 0.0,
				CameraSimulator.Transfer.PASSIVE, CameraSimulator.UploadStyle.STOR, FileNaming.FOSCAM, false, true,
				9100 + round, LocalDateTime.of(2026, 11, 25, 1, 0).plusHours(round),
				pace.multipliedBy(filesPerCamera + 2).plusMinutes(2), pace);
		this.simulator.run(options, (upload) -> {
			if (!upload.accepted()) {
				refused.merge(upload.camera(), 1, Integer::sum);
				return;
			}
			first.putIfAbsent(upload.camera(), System.currentTimeMillis());
			files.computeIfAbsent(upload.camera(), (c) -> new java.util.concurrent.CopyOnWriteArrayList<>())
				.add(upload.sha256());
		});
		List<Burst> bursts = new ArrayList<>();
		for (Camera camera : this.cameras) {
			bursts.add(new Burst(camera.id(), round, first.getOrDefault(camera.id(), 0L),
					List.copyOf(files.getOrDefault(camera.id(), List.of())), refused.getOrDefault(camera.id(), 0)));
		}
		bursts.sort(Comparator.comparing(Burst::camera));
		this.uploaded.addAll(bursts);
		return bursts;
	}

	/**
	 * Every burst of the run so far: events are paired with bursts over the whole run.
	 * @return the bursts
	 */
	List<Burst> uploaded() {
		return List.copyOf(this.uploaded);
	}

	/**
	 * The delivery log entries of the webhook channel and MQTT, by status.
	 * @return status → count
	 * @throws IOException if the API does not answer
	 */
	Map<String, Integer> deliveryStatuses() throws IOException {
		JsonNode log = get("/api/v1/notifications/deliveries?limit=1000");
		Map<String, Integer> statuses = new java.util.TreeMap<>();
		for (JsonNode entry : log) {
			statuses.merge(entry.path("channel").asString() + " " + entry.path("status").asString(), 1, Integer::sum);
		}
		return statuses;
	}

	void stopBroker() {
		this.broker.stop();
	}

	void startBroker() {
		this.broker.start(Duration.ofSeconds(30));
	}

	WebhookSink webhook() {
		return this.webhook;
	}

	MqttTap tap() {
		return this.tap;
	}

	ProcessedStamps processed() {
		return this.processed;
	}

	ServiceProcess service(Service service) {
		return this.platform.service(service);
	}

	private JsonNode post(String path, String body) throws IOException {
		return call(HttpRequest.newBuilder(this.platform.service(Service.NOTIFICATION).uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private JsonNode get(String path) throws IOException {
		return call(HttpRequest.newBuilder(this.platform.service(Service.NOTIFICATION).uri(path)).GET());
	}

	private JsonNode call(HttpRequest.Builder request) throws IOException {
		HttpRequest built = request.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.tokens.token("notifications:read notifications:write"))
			.build();
		try {
			HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new IOException(built.method() + " " + built.uri().getPath() + " answered "
						+ response.statusCode() + ": " + response.body());
			}
			return Platform.json(response.body());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted", ex);
		}
	}

	@Override
	public void close() throws Exception {
		this.processed.close();
		this.tap.close();
		this.platform.close();
		this.broker.close();
		this.infrastructure.close();
		this.webhook.close();
	}

}
