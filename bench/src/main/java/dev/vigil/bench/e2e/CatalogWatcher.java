package dev.vigil.bench.e2e;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.vigil.bench.platform.Platform;
import tools.jackson.databind.JsonNode;

/**
 * Polls {@code GET /api/v1/media?camera=X&limit=N} (newest first) for every camera that
 * still has unprocessed files and notes when each file is first listed and first shown
 * processed. A camera's files sort by capture time, which the simulator advances with
 * every upload, and processing takes one camera's files in order, so the camera's files
 * still outstanding are always among its newest: the page is only as long as that count,
 * which keeps polling cheap.
 */
final class CatalogWatcher implements AutoCloseable {

	static final Duration PERIOD = Duration.ofMillis(500);

	private static final int MAX_LIMIT = 200;

	private final Platform platform;

	private final List<String> cameras;

	private final ConcurrentMap<String, FileTimeline> timelines;

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong errors = new AtomicLong();

	private final Thread thread;

	private volatile String token;

	private volatile boolean running = true;

	private volatile String lastError = "";

	CatalogWatcher(Platform platform, List<String> cameras, ConcurrentMap<String, FileTimeline> timelines)
			throws IOException {
		this.platform = platform;
		this.cameras = List.copyOf(cameras);
		this.timelines = timelines;
		this.token = platform.token("media:read");
		this.thread = Thread.ofPlatform().name("bench-e2e-catalog").daemon().start(this::watch);
	}

	private void watch() {
		while (this.running) {
			long started = System.nanoTime();
			for (String camera : this.cameras) {
				long outstanding = this.timelines.values()
					.stream()
					.filter((t) -> t.camera.equals(camera) && t.uploaded() && !t.processed())
					.count();
				if (outstanding > 0) {
					poll(camera, (int) Math.min(MAX_LIMIT, outstanding + 2));
				}
			}
			long rest = PERIOD.toNanos() - (System.nanoTime() - started);
			if (rest > 0) {
				try {
					Thread.sleep(Duration.ofNanos(rest));
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}
	}

	private void poll(String camera, int limit) {
		try {
			this.requests.incrementAndGet();
			HttpResponse<String> response = this.platform
				.catalogGet("/api/v1/media?camera=" + camera + "&limit=" + limit, this.token);
			long now = System.currentTimeMillis();
			if (response.statusCode() == 404) {
				// The catalog registers a camera with its first indexed upload.
				return;
			}
			if (response.statusCode() == 401) {
				this.token = this.platform.token("media:read");
				return;
			}
			if (response.statusCode() != 200) {
				failed("HTTP " + response.statusCode() + ": " + response.body());
				return;
			}
			for (JsonNode item : Platform.json(response.body()).path("items")) {
				FileTimeline timeline = this.timelines.get(item.path("sha256").asString(""));
				if (timeline == null) {
					continue;
				}
				if (timeline.listedAt == 0) {
					timeline.listedAt = now;
				}
				String status = item.path("status").asString("PENDING");
				if (!timeline.processed() && !"PENDING".equals(status)) {
					timeline.status = status;
					timeline.thumbnail = item.path("variants")
						.valueStream()
						.anyMatch((v) -> "thumbnail".equals(v.asString()));
					timeline.processedAt = now;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			failed(ex.toString());
		}
	}

	private void failed(String reason) {
		if (!this.running) {
			return;
		}
		this.errors.incrementAndGet();
		this.lastError = reason;
	}

	long requests() {
		return this.requests.get();
	}

	long errors() {
		return this.errors.get();
	}

	String lastError() {
		return this.lastError;
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.thread.interrupt();
		this.thread.join(Duration.ofSeconds(30));
	}

}
