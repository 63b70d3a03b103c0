package dev.vigil.bench.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.vigil.bench.platform.Platform;
import dev.vigil.bench.platform.SpoolJournal;
import dev.vigil.bench.platform.Platform.Service;
import dev.vigil.bench.platform.ServiceProcess;
import dev.vigil.bench.sim.CameraSimulator;
import dev.vigil.bench.sim.CameraSimulator.Camera;
import dev.vigil.bench.sim.CameraSimulator.Upload;
import dev.vigil.bench.sim.FileNaming;
import dev.vigil.bench.sim.MediaPool;
import dev.vigil.bench.sim.SimulationResult;
import dev.vigil.devstack.Component;
import dev.vigil.devstack.PrivateInfrastructure;

/**
 * One platform on a private devstack on which fault scenarios run one after the other:
 * cameras upload bursts while a fault is injected, the platform is healed and drains, and
 * what the cameras were told is reconciled with S3 and the catalog's MongoDB. Every wait
 * is bounded in time and in count.
 */
public final class FaultLab implements AutoCloseable {

	private static final String HOST = "127.0.0.1";

	private static final LocalDateTime CAMERA_CLOCK = LocalDateTime.of(2026, 11, 25, 0, 0);

	private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

	private static final Duration POLL = Duration.ofSeconds(1);

	private final Settings settings;

	private final Path work;

	private final PrivateInfrastructure infrastructure;

	private final Platform platform;

	private final Stores stores;

	private final CameraSimulator simulator;

	private final List<Camera> cameras;

	private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

	/** Every hash any camera sent in this lab, to recognise objects nobody uploaded. */
	private final Set<String> sent = new HashSet<>();

	private int bursts;

	private FaultLab(Settings settings, Path work, PrivateInfrastructure infrastructure, Platform platform,
			MediaPool media, List<Camera> cameras) {
		this.settings = settings;
		this.work = work;
		this.infrastructure = infrastructure;
		this.platform = platform;
		this.cameras = cameras;
		this.simulator = new CameraSimulator(media);
		this.stores = new Stores(infrastructure, "vigil-catalog");
	}

	/**
	 * Starts a private devstack and catalog-api, ingest-service and (if asked)
	 * processing-service on it.
	 * @param work directory for the devstack, the services and their logs
	 * @param media the real test media
	 * @param settings burst sizes and bounds
	 * @return the running lab
	 * @throws IOException if something does not start
	 */
	public static FaultLab start(Path work, MediaPool media, Settings settings) throws IOException {
		List<Camera> cameras = new ArrayList<>();
		for (int i = 1; i <= settings.cameras(); i++) {
			String id = String.format(Locale.ROOT, "fault-cam-%02d", i);
			cameras.add(new Camera(id, id, "fault-suite-password-" + i, String.format(Locale.ROOT, "00626E5A%04X", i)));
		}
		PrivateInfrastructure infrastructure = PrivateInfrastructure.start(work.resolve("devstack"));
		try {
			Platform.Builder builder = Platform.on(infrastructure, work.resolve("platform"))
				.services(Service.CATALOG, Service.INGEST)
				.cameras(cameras)
				.startTimeout(START_TIMEOUT);
			edgeProperties("fault-edge").forEach((key, value) -> builder.property(Service.INGEST, key, value));
			if (settings.processing()) {
				builder.services(Service.PROCESSING);
			}
			Platform platform = builder.start();
			return new FaultLab(settings, work, infrastructure, platform, media, cameras);
		}
		catch (IOException | RuntimeException ex) {
			infrastructure.close();
			throw ex;
		}
	}

	/**
	 * Retries quickly after an outage, so that convergence measures the platform, not a
	 * long back-off.
	 */
	private static Map<String, String> edgeProperties(String nodeId) {
		Map<String, String> properties = new TreeMap<>();
		properties.put("vigil.ingest.edge-node-id", nodeId);
		properties.put("vigil.ingest.publish.max-backoff", "2s");
		return properties;
	}

	public Platform platform() {
		return this.platform;
	}

	/**
	 * Runs one scenario: uploads, fault, healing, drain, reconciliation.
	 * @param scenario the fault
	 * @param outage how long the fault lasts (kills: how long the service stays down at
	 * least)
	 * @return the result, with the reasons if it failed
	 * @throws Exception if the scenario cannot be carried out at all
	 */
	public ScenarioResult run(FaultScenario scenario, Duration outage) throws Exception {
		return switch (scenario) {
			case S3_DOWN -> duringBurst(scenario, outage, () -> this.infrastructure.stop(Component.S3),
					() -> this.infrastructure.start(Component.S3));
			case KAFKA_DOWN -> duringBurst(scenario, outage, () -> this.infrastructure.stop(Component.KAFKA),
					() -> this.infrastructure.start(Component.KAFKA));
			case MONGO_DOWN -> duringBurst(scenario, outage, () -> this.infrastructure.stop(Component.MONGO),
					() -> this.infrastructure.start(Component.MONGO));
			case PROCESSING_KILLED ->
				duringBurst(scenario, outage, () -> kill(Service.PROCESSING), () -> restart(Service.PROCESSING));
			case CATALOG_KILLED ->
				duringBurst(scenario, outage, () -> kill(Service.CATALOG), () -> restart(Service.CATALOG));
			case EDGE_KILLED_MID_DRAIN -> edgeKilledMidDrain();
			case EDGE_SPOOL_FULL -> edgeSpoolFull();
		};
	}

	/**
	 * A burst starts, the fault begins while it is in flight, a second burst runs
	 * entirely during the fault, the fault lasts {@code outage}, then it is healed.
	 */
	private ScenarioResult duringBurst(FaultScenario scenario, Duration outage, Step inject, Step heal)
			throws Exception {
		List<Upload> uploads = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		Future<SimulationResult> first = this.background.submit(() -> burst(this.platform.ftpPort()));
		Thread.sleep(300);
		long faultAt = System.nanoTime();
		inject.run();
		SimulationResult firstBurst = first.get(this.settings.burstDeadline().toSeconds(), TimeUnit.SECONDS);
		uploads.addAll(firstBurst.uploads());
		long firstDone = System.nanoTime();
		SimulationResult secondBurst = burst(this.platform.ftpPort());
		uploads.addAll(secondBurst.uploads());
		notes.add(String.format(Locale.ROOT, "burst 1 ended %.1f s into the fault, burst 2 took %.1f s",
				(firstDone - faultAt) / 1e9, secondBurst.elapsed().toMillis() / 1e3));
		long remaining = faultAt + outage.toNanos() - System.nanoTime();
		if (remaining > 0) {
			Thread.sleep(Duration.ofNanos(remaining));
		}
		else {
			notes.add("the bursts outlasted the outage");
		}
		heal.run();
		long healedAt = System.nanoTime();
		notes.add(String.format(Locale.ROOT, "fault lasted %.1f s", (healedAt - faultAt) / 1e9));
		return settle(scenario, uploads, healedAt, scenario == FaultScenario.PROCESSING_KILLED, notes);
	}

	/**
	 * S3 down so that the spool holds the burst; S3 back; the edge killed as soon as the
	 * spool starts draining; the edge started again.
	 */
	private ScenarioResult edgeKilledMidDrain() throws Exception {
		List<String> notes = new ArrayList<>();
		Path journal = this.platform.ingestDataDir().resolve("spool").resolve("journal");
		this.infrastructure.stop(Component.S3);
		List<Upload> uploads = new ArrayList<>(burst(this.platform.ftpPort()).uploads());
		uploads.addAll(burst(this.platform.ftpPort()).uploads());
		long pending = pendingRecords(journal);
		this.infrastructure.start(Component.S3);
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		long left = pending;
		for (int polls = 0; polls < 30_000 && System.nanoTime() < deadline; polls++) {
			left = pendingRecords(journal);
			if (left < pending) {
				break;
			}
			Thread.sleep(2);
		}
		ServiceProcess edge = this.platform.service(Service.INGEST);
		edge.kill();
		long leftAtKill = pendingRecords(journal);
		notes.add(String.format(Locale.ROOT, "spool held %d; kill -9 when %d were left (%d after the kill)", pending,
				left, leftAtKill));
		if (left == pending) {
			notes.add("the drain had not started within 60 s of S3's return");
		}
		edge.restart(START_TIMEOUT);
		return settle(FaultScenario.EDGE_KILLED_MID_DRAIN, uploads, System.nanoTime(), false, notes);
	}

	/**
	 * A second edge whose spool high-water mark is small; S3 down so that nothing drains;
	 * one burst; S3 back.
	 */
	private ScenarioResult edgeSpoolFull() throws Exception {
		List<String> notes = new ArrayList<>();
		Map<String, String> properties = new TreeMap<>(this.infrastructure.springProperties());
		properties.put("spring.profiles.active", "devstack");
		properties.put("logging.file.name", "");
		properties.putAll(edgeProperties("fault-edge-small"));
		int ftpPort = ServiceProcess.freePort();
		int passive = ServiceProcess.freePort();
		properties.put("vigil.ingest.data-dir", this.work.resolve("small-edge").toAbsolutePath().toString());
		properties.put("vigil.ingest.ftp.port", Integer.toString(ftpPort));
		properties.put("vigil.ingest.ftp.passive-ports", passive + "-" + (passive + 49));
		properties.put("vigil.ingest.sftp.enabled", "false");
		properties.put("vigil.ingest.spool.max-size", this.settings.smallSpool());
		for (int i = 0; i < this.cameras.size(); i++) {
			Camera camera = this.cameras.get(i);
			properties.put("vigil.ingest.cameras.accounts[" + i + "].user", camera.user());
			properties.put("vigil.ingest.cameras.accounts[" + i + "].camera-id", camera.id());
			properties.put("vigil.ingest.cameras.accounts[" + i + "].password", camera.password());
		}
		notes.add("edge with vigil.ingest.spool.max-size=" + this.settings.smallSpool());
		try (ServiceProcess edge = ServiceProcess.start("ingest-service", Platform.repositoryRoot(),
				List.of("-Xmx256m"), properties, this.work.resolve("small-edge-logs"), START_TIMEOUT)) {
			this.infrastructure.stop(Component.S3);
			List<Upload> uploads;
			try {
				uploads = burst(ftpPort).uploads();
			}
			finally {
				this.infrastructure.start(Component.S3);
			}
			long healedAt = System.nanoTime();
			uploads.stream()
				.filter((upload) -> !upload.accepted())
				.map(Upload::replyCode)
				.distinct()
				.forEach((code) -> notes.add("refusal reply " + code));
			return settle(FaultScenario.EDGE_SPOOL_FULL, uploads, healedAt, false, notes);
		}
	}

	/**
	 * Polls both stores until every accepted file is there (bounded), then reconciles.
	 */
	private ScenarioResult settle(FaultScenario scenario, List<Upload> uploads, long healedAt, boolean requireProcessed,
			List<String> notes) throws InterruptedException {
		List<String> hashes = uploads.stream().map(Upload::sha256).filter((hash) -> !hash.isEmpty()).toList();
		this.sent.addAll(hashes);
		long deadline = healedAt + this.settings.convergeBound().toNanos();
		StoreView view = null;
		Duration converged = null;
		String lastError = null;
		int maxPolls = (int) (this.settings.convergeBound().toMillis() / POLL.toMillis()) + 1;
		for (int poll = 0; poll < maxPolls; poll++) {
			try {
				view = this.stores.read(hashes);
				lastError = null;
				if (Reconciliation.complete(uploads, view, requireProcessed)) {
					converged = Duration.ofNanos(System.nanoTime() - healedAt);
					break;
				}
			}
			catch (IOException ex) {
				lastError = ex.getMessage();
			}
			if (System.nanoTime() >= deadline) {
				break;
			}
			Thread.sleep(POLL);
		}
		List<String> observed = new ArrayList<>(notes);
		if (lastError != null) {
			observed.add("last read failed: " + lastError);
		}
		if (view == null) {
			view = new StoreView(Map.of(), Set.of(), Set.of(), Map.of(), Set.of(), Set.of());
		}
		Set<String> unknown = new HashSet<>(view.objectsByHash().keySet());
		unknown.removeAll(this.sent);
		return Reconciliation.evaluate(scenario, uploads, view, unknown, converged, requireProcessed, observed);
	}

	private SimulationResult burst(int ftpPort) throws InterruptedException {
		int number;
		synchronized (this) {
			number = ++this.bursts;
		}
		CameraSimulator.Options options = new CameraSimulator.Options(HOST, ftpPort, "", this.cameras,
				this.settings.filesPerCamera(), 0.0, CameraSimulator.Transfer.PASSIVE, CameraSimulator.UploadStyle.STOR,
				FileNaming.FOSCAM, false, true, 7919L * number, CAMERA_CLOCK.plusHours(number),
				this.settings.burstDeadline());
		return this.simulator.run(options);
	}

	private void kill(Service service) {
		try {
			this.platform.service(service).kill();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while killing " + service.module(), ex);
		}
	}

	private void restart(Service service) {
		try {
			this.platform.service(service).restart(START_TIMEOUT);
		}
		catch (IOException ex) {
			throw new IllegalStateException(service.module() + " did not come back: " + ex.getMessage(), ex);
		}
	}

	private static long pendingRecords(Path journal) throws IOException {
		return SpoolJournal.pendingCount(journal.getParent());
	}

	@Override
	public void close() {
		this.background.shutdownNow();
		this.stores.close();
		this.platform.close();
		this.infrastructure.close();
	}

	/**
	 * Sizes and bounds.
	 *
	 * @param cameras cameras uploading at once
	 * @param filesPerCamera snapshots per camera and burst
	 * @param processing whether processing-service runs (needed for
	 * {@link FaultScenario#PROCESSING_KILLED})
	 * @param convergeBound how long after healing the platform may take to hold every
	 * accepted file
	 * @param burstDeadline bound on one burst
	 * @param smallSpool the spool high-water mark of
	 * {@link FaultScenario#EDGE_SPOOL_FULL}
	 */
	public record Settings(int cameras, int filesPerCamera, boolean processing, Duration convergeBound,
			Duration burstDeadline, String smallSpool) {

	}

	@FunctionalInterface
	private interface Step {

		void run() throws Exception;

	}

}
