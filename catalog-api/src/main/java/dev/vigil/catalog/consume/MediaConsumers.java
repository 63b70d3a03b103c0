package dev.vigil.catalog.consume;

import java.util.function.Consumer;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.vigil.catalog.media.MediaIndexer;
import dev.vigil.catalog.storage.S3Properties;
import dev.vigil.contracts.EventCodec;
import dev.vigil.contracts.MediaProcessed;
import dev.vigil.contracts.MediaUploaded;
import dev.vigil.contracts.RejectedEventException;

/**
 * The two Spring Cloud Stream consumers (bindings {@code mediaUploaded-in-0} and
 * {@code mediaProcessed-in-0}, group {@code catalog}). Payloads are taken as bytes and
 * read by the contracts' {@link EventCodec} (schema version first, then the shape), so a
 * broken event is rejected with a precise reason instead of failing in the framework's
 * converter; retries, back-off and dead-lettering are binder settings in
 * {@code application.yml}. Every event is counted by outcome ({@code applied},
 * {@code duplicate}, {@code foreign-bucket}, {@code rejected}).
 */
@Configuration(proxyBeanMethods = false)
class MediaConsumers {

	private static final Logger log = LoggerFactory.getLogger(MediaConsumers.class);

	@Bean
	Consumer<byte[]> mediaUploaded(EventCodec codec, MediaIndexer indexer, MeterRegistry meters, S3Properties storage) {
		Timer timer = meters.timer("vigil.catalog.indexing", "topic", "media.uploaded");
		return (payload) -> count(meters, "media.uploaded", () -> {
			MediaUploaded event = codec.read(payload, MediaUploaded.class);
			requireOwnBucket(event, storage.bucket());
			return timer.record(() -> indexer.uploaded(event));
		});
	}

	@Bean
	Consumer<byte[]> mediaProcessed(EventCodec codec, MediaIndexer indexer, MeterRegistry meters) {
		Timer timer = meters.timer("vigil.catalog.indexing", "topic", "media.processed");
		return (payload) -> count(meters, "media.processed",
				() -> timer.record(() -> indexer.processed(codec.read(payload, MediaProcessed.class))));
	}

	/**
	 * The catalog presigns and deletes objects in the bucket an item names, so an event
	 * naming another bucket (a forged or misconfigured producer) would let it hand out or
	 * remove objects it does not own. Such events are never indexed.
	 */
	static void requireOwnBucket(MediaUploaded event, String bucket) {
		if (!bucket.equals(event.bucket())) {
			throw new ForeignBucketException("Upload " + event.eventId() + " of camera " + event.cameraId()
					+ " names bucket '" + event.bucket() + "', not the configured '" + bucket + "'");
		}
	}

	/**
	 * Applies an event and counts its outcome. Transient failures (retried by the binder)
	 * are not counted: only the attempt that settles the event is.
	 */
	private static void count(MeterRegistry meters, String topic, Supplier<Boolean> apply) {
		String outcome;
		try {
			outcome = Boolean.TRUE.equals(apply.get()) ? "applied" : "duplicate";
		}
		catch (RejectedEventException ex) {
			log.warn("Refused and dead-lettered an event of {}: {}", topic, ex.getMessage());
			meters
				.counter("vigil.catalog.events", "topic", topic, "outcome",
						(ex instanceof ForeignBucketException) ? "foreign-bucket" : "rejected")
				.increment();
			throw ex;
		}
		meters.counter("vigil.catalog.events", "topic", topic, "outcome", outcome).increment();
	}

}
