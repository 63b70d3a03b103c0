package dev.vigil.bench.catalog;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import dev.vigil.bench.platform.Platform;
import dev.vigil.bench.platform.Platform.Service;
import dev.vigil.bench.platform.ProcessSampler;
import dev.vigil.bench.report.Machine;
import dev.vigil.bench.run.BenchRun;
import dev.vigil.bench.run.Benchmark;
import dev.vigil.bench.run.BenchmarkFailure;
import dev.vigil.bench.sim.Loopback;
import dev.vigil.devstack.PrivateInfrastructure;

/**
 * {@code ./vigil bench catalog}: catalog-api under query load as the catalog grows. A
 * catalog of realistic shape ({@link CatalogDataset}) is seeded straight into MongoDB
 * with bulk inserts, then each main API query is offered at a fixed rate, open loop, with
 * a bound on requests in flight, at two catalog sizes (quick: 10 k and 100 k media; full:
 * 100 k and 1 M). The backend is a MongoDB wire server in this JVM (mongo-java-server
 * with its memory backend, as large as the heap allows), where secondary indexes are
 * accepted but not used, unless {@code VIGIL_BENCH_MONGO_URI} names a loopback
 * {@code mongod}.
 */
public final class CatalogQueryBenchmark implements Benchmark {

	/** Offered load of every phase. */
	static final int RATE = 500;

	static final int MAX_IN_FLIGHT = 64;

	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	static final String MONGO_URI_VARIABLE = "VIGIL_BENCH_MONGO_URI";

	/** Bound of the one-request-alone measurement. */
	static final Duration ALONE_TIMEOUT = Duration.ofSeconds(20);

	static final int CALIBRATION = 1000;

	private static final double SIZE_MARGIN = 0.5;

	/**
	 * Heap the in-memory wire server holds per seeded media (with its share of events).
	 */
	private static final long HEAP_PER_MEDIA = 7 * 1024;

	private static final String DATABASE = "vigil-catalog";

	static final String EXTERNAL_DATABASE = "vigil-bench-catalog";

	@Override
	public String name() {
		return "catalog";
	}

	@Override
	public void run(BenchRun run) throws Exception {
		Settings settings = run.quick() ? Settings.QUICK : Settings.FULL;
		String external = System.getenv(MONGO_URI_VARIABLE);
		if (external != null && !external.isBlank()) {
			for (String host : new ConnectionString(external).getHosts()) {
				Loopback.require(host.replaceFirst(":[0-9]+$", "").replace("[", "").replace("]", ""));
			}
		}
		else {
			external = null;
		}
		String database = (external != null) ? EXTERNAL_DATABASE : DATABASE;
		List<TierResult> tiers = new ArrayList<>();
		double calibration;
		String notReached = null;
		String loadBefore = Machine.loadAverage();
		// Without a real mongod: a MongoDB wire server of the catalog's own in this JVM,
		// the memory backend without an oplog (the catalog uses no change streams): about
		// ten times faster to seed and to scan than the devstack's H2 file backend with
		// oplog, which could not hold 1 M media in a bounded run.
		MongoServer memory = (external != null) ? null : new MongoServer(new MemoryBackend());
		try (PrivateInfrastructure infrastructure = PrivateInfrastructure.start(run.work().resolve("devstack"))) {
			String mongoUri = (external != null) ? external : "mongodb://127.0.0.1:" + memory.bind().getPort();
			Platform.Builder builder = Platform.on(infrastructure, run.work())
				.services(Service.IDENTITY, Service.CATALOG)
				.jvmOptions(Service.CATALOG, "-Xmx512m")
				.property(Service.CATALOG, "spring.mongodb.uri", mongoUri)
				.property(Service.CATALOG, "spring.mongodb.database", database)
				// One client offers 500 req/s; the per-client limit (1200/min) would
				// answer 429.
				.property(Service.CATALOG, "vigil.catalog.rate-limit.requests", "0")
				// The seeded capture times are in the past: retention must not delete
				// them mid-run.
				.property(Service.CATALOG, "vigil.catalog.retention.enabled", "false");
			try (MongoClient mongo = MongoClients.create(mongoUri); Platform platform = builder.start()) {
				MongoDatabase db = mongo.getDatabase(database);
				CatalogSeeding.clear(db);
				// The seeding rate of this backend on this machine decides how large a
				// catalog fits the run's time.
				calibration = CatalogSeeding.seed(CatalogDataset.standard(CALIBRATION), db, Duration.ofSeconds(60))
					.mediaPerSecond();
				System.out.printf(Locale.ROOT, "catalog: calibration seeding %.0f media/s%n", calibration);
				String token = platform.token("media:read");
				HttpClient http = HttpClient.newBuilder()
					.version(HttpClient.Version.HTTP_1_1)
					.connectTimeout(Duration.ofSeconds(5))
					.build();
				try {
					double rate = calibration;
					for (Tier tier : settings.tiers()) {
						// Inserts slow down as the collection grows: plan with half the
						// rate. The in-memory server seeds at a steady ~10-20 k media/s:
						// only its heap limits it. A mongod's rate is measured and
						// planned with.
						int size = (external == null) ? Math.min(tier.target(), heapLimit()) : Math.min(tier.target(),
								roundDown(rate * SIZE_MARGIN * tier.seedBudget().toSeconds()));
						try {
							TierResult result = tier(CatalogDataset.standard(size), tier, db, platform, http, token,
									settings, tiers.isEmpty(), external != null);
							tiers.add(result);
							rate = result.seeding().mediaPerSecond();
						}
						catch (CatalogSeeding.SeedingTooSlow ex) {
							notReached = ex.getMessage();
							System.out.println("catalog: " + notReached);
							break;
						}
					}
				}
				finally {
					http.close();
					if (external != null) {
						CatalogSeeding.clear(db);
					}
				}
			}
		}
		finally {
			if (memory != null) {
				memory.shutdownNow();
			}
		}
		String backend = CatalogQueryReport.backend(external, database);
		String load = "Load average (1 min) of the machine: " + loadBefore + " at the start, " + Machine.loadAverage()
				+ " at the end (other work shares the cores; figures move with it).";
		String missing = (notReached != null) ? "**Not measured:** " + notReached
				+ ". The next size did not fit the run's time (or, in memory, the heap).\n\n" : "";
		run.write(name(), "Catalog query load",
				CatalogQueryReport.render(backend, settings, calibration, tiers) + "\n" + missing + load + "\n");
		if (tiers.isEmpty()) {
			throw new BenchmarkFailure("No catalog size could be measured: " + notReached);
		}
		List<String> problems = failures(tiers);
		if (!problems.isEmpty()) {
			throw new BenchmarkFailure("Catalog queries failed: " + String.join("; ", problems)
					+ " (see the catalog-api log under " + run.work() + "/logs)");
		}
	}

	/**
	 * Errors or no success at all at the first size fail the run; at larger sizes they
	 * are a finding (the table shows them) of an overloaded backend.
	 */
	private static List<String> failures(List<TierResult> tiers) {
		List<String> problems = new ArrayList<>();
		for (TierResult tier : tiers) {
			for (QueryResult query : tier.queries()) {
				if (tier == tiers.getFirst() && query.result().errors() > 0) {
					problems.add(query.result().errors() + " errors on " + query.query().label() + " at " + tier.size()
							+ " media");
				}
				if (tier == tiers.getFirst() && query.result().ok() == 0) {
					problems.add("no successful " + query.query().label() + " at " + tier.size() + " media");
				}
			}
		}
		return problems;
	}

	/**
	 * Rounds a catalog size down to two significant digits, at least 1000.
	 * @param media a size
	 * @return e.g. 73,000 for 73,456
	 */
	static int roundDown(double media) {
		long value = (long) Math.max(1000, Math.min(Integer.MAX_VALUE, media));
		long unit = 1;
		while (value / unit >= 100) {
			unit *= 10;
		}
		return (int) (value / unit * unit);
	}

	private TierResult tier(CatalogDataset dataset, Tier tier, MongoDatabase db, Platform platform, HttpClient http,
			String token, Settings settings, boolean first, boolean external) throws Exception {
		System.out.printf(Locale.ROOT, "catalog: seeding %,d media (target %,d)%n", dataset.mediaCount(),
				tier.target());
		long clearStart = System.nanoTime();
		CatalogSeeding.clear(db);
		double clearSeconds = (System.nanoTime() - clearStart) / 1e9;
		Seeding seeding = CatalogSeeding.seed(dataset, db, tier.seedBudget().multipliedBy(2));
		System.out.printf(Locale.ROOT, "catalog: seeded %,d media + %,d events in %.1f s (%.0f documents/s)%n",
				seeding.summary().media(), seeding.summary().events(), seeding.seconds(), seeding.documentsPerSecond());
		if (external) {
			// Dropped collections lost their indexes: catalog-api creates them on start.
			platform.service(Service.CATALOG).kill();
			platform.service(Service.CATALOG).restart(Duration.ofMinutes(3));
		}
		CatalogDataset.Summary summary = seeding.summary();
		QueryRequests queries = new QueryRequests(platform, token, summary);
		if (first || external) {
			warmUp(http, queries);
		}
		OpenLoopLoad load = new OpenLoopLoad(http, MAX_IN_FLIGHT, REQUEST_TIMEOUT);
		RateSchedule schedule = new RateSchedule(RATE, settings.phase());
		List<QueryResult> results = new ArrayList<>();
		long catalogPid = platform.service(Service.CATALOG).pid();
		for (Query query : Query.values()) {
			IntFunction<HttpRequest.Builder> requests = queries.requests(query);
			double alone = alone(http, requests);
			OpenLoopLoad.Inspector inspector = (query == Query.NEWEST) ? queries::collectCursor : null;
			double benchCpuBefore = processCpuSeconds();
			PhaseResult result;
			double catalogCpu;
			try (ProcessSampler sampler = ProcessSampler.watch(catalogPid)) {
				result = load.run(schedule, requests, inspector);
				catalogCpu = sampler.cpuSeconds();
			}
			double benchCpu = processCpuSeconds() - benchCpuBefore;
			double settle = quiesce(http, queries, settings.settleLimit());
			System.out.printf(Locale.ROOT,
					"catalog: %,d media, %-20s alone %s ms; loaded %6.1f req/s p50 %s p99 %s max %s ms, errors %d, "
							+ "timeouts %d, dropped %d (settled in %.1f s)%n",
					dataset.mediaCount(), query.label(), PhaseResult.cell(alone), result.achievedPerSecond(),
					PhaseResult.cell(result.percentileMillis(50)), PhaseResult.cell(result.percentileMillis(99)),
					PhaseResult.cell(result.maxMillis()), result.errors(), result.timeouts(), result.dropped(), settle);
			results.add(new QueryResult(query, alone, result, catalogCpu / result.elapsedSeconds(),
					benchCpu / result.elapsedSeconds(), settle));
		}
		return new TierResult(dataset.mediaCount(), tier.target(), summary, seeding, clearSeconds, results);
	}

	/**
	 * Requests alone (nothing else in flight), bounded: what a query costs at this size
	 * before any queueing.
	 * @return milliseconds, NaN when it failed or took longer than the bound
	 */
	private static double alone(HttpClient http, IntFunction<HttpRequest.Builder> requests)
			throws InterruptedException {
		// Median of three, or the first alone when it already took seconds.
		List<Double> samples = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			long sent = System.nanoTime();
			try {
				HttpResponse<Void> response = http.send(requests.apply(i).timeout(ALONE_TIMEOUT).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() != 200) {
					return Double.NaN;
				}
			}
			catch (IOException ex) {
				return Double.NaN;
			}
			samples.add((System.nanoTime() - sent) / 1e6);
			if (samples.getFirst() > 2_000) {
				return samples.getFirst();
			}
		}
		samples.sort(null);
		return samples.get(1);
	}

	private static void warmUp(HttpClient http, QueryRequests queries) throws IOException, InterruptedException {
		// The first requests pay for class loading, JIT and the JWT key fetch; bounded.
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		for (int i = 0; i < 200 && System.nanoTime() < deadline; i++) {
			Query query = (i % 2 == 0) ? Query.CAMERAS : Query.BY_ID;
			HttpResponse<Void> response = http.send(queries.requests(query).apply(i).timeout(REQUEST_TIMEOUT).build(),
					HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() != 200) {
				throw new IOException("Warm-up " + query.label() + " answered " + response.statusCode());
			}
		}
	}

	/**
	 * Waits (bounded) until the catalog answers a cheap query promptly again, so that
	 * queries left running by one phase (the service finishes them after the client gave
	 * up) do not weigh on the next.
	 * @return seconds waited
	 */
	private static double quiesce(HttpClient http, QueryRequests queries, Duration limit) throws InterruptedException {
		long start = System.nanoTime();
		long deadline = start + limit.toNanos();
		int i = 0;
		while (System.nanoTime() < deadline) {
			long sent = System.nanoTime();
			try {
				HttpResponse<Void> response = http.send(
						// By id in `media`: it waits behind every scan still queued on
						// that collection, so a prompt answer means the database has
						// caught up.
						queries.requests(Query.BY_ID).apply(i++).timeout(REQUEST_TIMEOUT).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200 && System.nanoTime() - sent < 200_000_000L) {
					break;
				}
			}
			catch (IOException ex) {
				// Still busy; try again.
			}
			Thread.sleep(200);
		}
		return (System.nanoTime() - start) / 1e9;
	}

	private static double processCpuSeconds() {
		java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
			return sun.getProcessCpuTime() / 1e9;
		}
		return Double.NaN;
	}

	/**
	 * The most media the in-memory backend can hold in this JVM's heap (with room for the
	 * rest of the bench).
	 */
	static int heapLimit() {
		return roundDown(Runtime.getRuntime().maxMemory() * 0.7 / HEAP_PER_MEDIA);
	}

	/**
	 * One catalog size to measure.
	 *
	 * @param target media wanted
	 * @param seedBudget seeding time allowed; the size is cut to what the measured
	 * seeding rate fits into it (seeding failing after twice as long)
	 */
	record Tier(int target, Duration seedBudget) {

	}

	/**
	 * Sizes of a run.
	 *
	 * @param tiers catalog sizes
	 * @param phase load phase per query
	 * @param settleLimit bound of the wait for the catalog to settle after a phase
	 */
	record Settings(List<Tier> tiers, Duration phase, Duration settleLimit) {

		static final Settings QUICK = new Settings(
				List.of(new Tier(10_000, Duration.ofSeconds(6)), new Tier(100_000, Duration.ofSeconds(25))),
				Duration.ofSeconds(2), Duration.ofSeconds(5));

		static final Settings FULL = new Settings(
				List.of(new Tier(100_000, Duration.ofSeconds(40)), new Tier(1_000_000, Duration.ofSeconds(300))),
				Duration.ofSeconds(8), Duration.ofSeconds(90));

	}

	/**
	 * The queries measured, in order: the cheap ones first, because on a scanning backend
	 * an overloaded scan phase can leave the database busy for minutes after its clients
	 * gave up.
	 */
	enum Query {

		CAMERAS("cameras", "/api/v1/cameras"),

		BY_ID("one media by id", "/api/v1/media/{id}"),

		EVENTS("events of a camera", "/api/v1/events?camera=X&limit=50"),

		NEWEST("newest of a camera", "/api/v1/media?camera=X&limit=50"),

		NEXT_PAGE("next page (cursor)", "/api/v1/media?camera=X&limit=50&cursor=C"),

		TIME_RANGE("6 h of a camera", "/api/v1/media?camera=X&from=F&to=T&limit=50"),

		PEOPLE("people", "/api/v1/media?label=person&minConfidence=0.6&limit=50");

		private final String label;

		private final String example;

		Query(String label, String example) {
			this.label = label;
			this.example = example;
		}

		String label() {
			return this.label;
		}

		String example() {
			return this.example;
		}

	}

	/**
	 * A seeding run.
	 *
	 * @param summary what was seeded
	 * @param seconds how long it took
	 */
	record Seeding(CatalogDataset.Summary summary, double seconds) {

		double mediaPerSecond() {
			return this.summary.media() / this.seconds;
		}

		double documentsPerSecond() {
			return (this.summary.media() + this.summary.events() + this.summary.cameras().size()) / this.seconds;
		}

	}

	/**
	 * One query at one size.
	 *
	 * @param query which
	 * @param result measurements
	 * @param catalogCores catalog-api CPU seconds per second
	 * @param benchCores bench JVM CPU seconds per second
	 * @param aloneMillis one request with nothing else in flight
	 * @param settleSeconds until the catalog answered promptly again after the phase
	 */
	record QueryResult(Query query, double aloneMillis, PhaseResult result, double catalogCores, double benchCores,
			double settleSeconds) {

	}

	/**
	 * One catalog size.
	 *
	 * @param size media
	 * @param target the size asked for
	 * @param summary the seeded catalog
	 * @param seeding how seeding went
	 * @param clearSeconds deleting the previous size's documents
	 * @param queries per query
	 */
	record TierResult(int size, int target, CatalogDataset.Summary summary, Seeding seeding, double clearSeconds,
			List<QueryResult> queries) {

		double alone(Query query) {
			return this.queries.stream()
				.filter((r) -> r.query() == query)
				.findFirst()
				.map(QueryResult::aloneMillis)
				.orElse(Double.NaN);
		}

	}

}
