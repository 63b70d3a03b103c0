package dev.vigil.ingest.publish;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.vigil.contracts.MediaUploaded;
import dev.vigil.ingest.spool.Spool;
import dev.vigil.ingest.spool.SpoolRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.context.SmartLifecycle;

/**
 * Drains the spool: for each item, object first, then the event, then the item is
 * forgotten. Nothing leaves the spool before both acknowledged, so an outage of either
 * only grows it.
 *
 * <p>
 * One virtual thread per camera with pending items (a "lane") publishes that camera's
 * items strictly in spool order and retries the head item with capped exponential
 * back-off; a semaphore bounds how many uploads run at once. A failing camera therefore
 * never reorders its own events and never blocks other cameras.
 */
class SpoolPublisher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SpoolPublisher.class);

	private final Spool spool;

	private final ObjectStore objects;

	private final EventPublisher events;

	private final PublishProperties properties;

	private final String edgeNodeId;

	private final MeterRegistry meters;

	private final Clock clock;

	private final Semaphore permits;

	private final Semaphore wakeUp = new Semaphore(0);

	private final Set<String> lanes = ConcurrentHashMap.newKeySet();

	private volatile boolean running;

	private @Nullable Thread dispatcher;

	SpoolPublisher(Spool spool, ObjectStore objects, EventPublisher events, PublishProperties properties,
			String edgeNodeId, MeterRegistry meters, Clock clock) {
		this.spool = spool;
		this.objects = objects;
		this.events = events;
		this.properties = properties;
		this.edgeNodeId = edgeNodeId;
		this.meters = meters;
		this.clock = clock;
		this.permits = new Semaphore(properties.concurrency());
	}

	@Override
	public void start() {
		this.running = true;
		this.spool.onPut(this.wakeUp::release);
		this.dispatcher = Thread.ofVirtual().name("spool-dispatcher").start(this::dispatch);
		log.info("Publishing spool to bucket {} and topic {} ({} pending)", this.objects.bucket(), this.events.topic(),
				this.spool.depth());
	}

	private void dispatch() {
		while (this.running) {
			for (String camera : this.spool.camerasWithPending()) {
				if (this.lanes.add(camera)) {
					Thread.ofVirtual().name("publish-" + camera).start(() -> lane(camera));
				}
			}
			try {
				// Woken by new uploads; the timeout picks up lanes that ended meanwhile.
				this.wakeUp.tryAcquire(1, TimeUnit.SECONDS);
				this.wakeUp.drainPermits();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void lane(String camera) {
		try {
			while (this.running) {
				SpoolRecord next = this.spool.oldestPending(camera).orElse(null);
				if (next == null) {
					return;
				}
				publishWithRetry(next);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.lanes.remove(camera);
			this.wakeUp.release();
		}
	}

	private void publishWithRetry(SpoolRecord record) throws InterruptedException {
		for (int attempt = 0; this.running; attempt++) {
			Exception failure;
			this.permits.acquire();
			MDC.put("cameraId", record.cameraId());
			MDC.put("mediaId", record.sha256());
			try {
				publish(record);
				return;
			}
			catch (Exception ex) {
				failure = ex;
			}
			finally {
				this.permits.release();
				MDC.remove("cameraId");
				MDC.remove("mediaId");
			}
			Duration backoff = backoff(attempt);
			// Log the first failures, then every 20th: an outage can last hours.
			if (attempt < 3 || attempt % 20 == 0) {
				log.warn("Publishing media {} of camera {} failed (attempt {}), retrying in {}: {}", record.sha256(),
						record.cameraId(), attempt + 1, backoff, failure.toString());
			}
			this.meters.counter("vigil.ingest.publish.failures", "camera", record.cameraId()).increment();
			sleep(backoff);
		}
	}

	private void publish(SpoolRecord record) throws Exception {
		String key = this.objects.put(record, this.spool.object(record));
		this.events.send(event(record, key));
		this.spool.markPublished(record);
		Duration latency = Duration.between(record.receivedAt(), this.clock.instant());
		Timer.builder("vigil.ingest.publish.latency")
			.description("Time from receiving an upload to its event being acknowledged by Kafka")
			.publishPercentileHistogram()
			.register(this.meters)
			.record(latency);
		this.meters.counter("vigil.ingest.published", "camera", record.cameraId()).increment();
		log.info("Published media {} ({} after receipt)", record.sha256(), latency);
	}

	MediaUploaded event(SpoolRecord record, String key) {
		return new MediaUploaded(record.eventId(), record.sha256(), this.edgeNodeId, record.cameraId(), key,
				this.objects.bucket(), record.contentType(), record.sizeBytes(), record.sha256(), record.originalPath(),
				record.capturedAt(), record.capturedAtSource(), record.receivedAt(), record.kind(),
				MediaUploaded.CURRENT_SCHEMA_VERSION);
	}

	private Duration backoff(int attempt) {
		long min = this.properties.minBackoff().toMillis();
		long max = this.properties.maxBackoff().toMillis();
		long delay = Math.min(max, min << Math.min(attempt, 20));
		// Jitter so that many lanes do not hammer a recovering server in lockstep.
		return Duration.ofMillis(delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
	}

	private void sleep(Duration duration) throws InterruptedException {
		long deadline = System.nanoTime() + duration.toNanos();
		while (this.running && System.nanoTime() < deadline) {
			Thread.sleep(Math.min(200, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
		}
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.dispatcher != null) {
			this.dispatcher.interrupt();
		}
		try {
			// In-flight items either finish or stay in the spool for the next start.
			this.permits.tryAcquire(this.properties.concurrency(), 10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stop before the FTP server and spool beans go away, start after them. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 100;
	}

}
