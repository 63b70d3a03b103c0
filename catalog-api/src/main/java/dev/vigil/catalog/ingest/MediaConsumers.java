package dev.vigil.catalog.ingest;

import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.vigil.catalog.media.MediaIndexer;

/**
 * The two Spring Cloud Stream consumers (bindings {@code mediaUploaded-in-0} and
 * {@code mediaProcessed-in-0}, group {@code catalog}). Payloads are taken as bytes and
 * read here, so a broken event is rejected with a precise reason instead of failing in
 * the framework's converter; retries, back-off and dead-lettering are binder settings in
 * {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
class MediaConsumers {

	@Bean
	Consumer<byte[]> mediaUploaded(EventReader reader, MediaIndexer indexer, MeterRegistry meters) {
		Timer timer = meters.timer("vigil.catalog.indexing", "topic", "media.uploaded");
		return (payload) -> {
			boolean changed = Boolean.TRUE.equals(timer.record(() -> indexer.uploaded(reader.uploaded(payload))));
			meters
				.counter("vigil.catalog.events", "topic", "media.uploaded", "outcome",
						changed ? "applied" : "duplicate")
				.increment();
		};
	}

	@Bean
	Consumer<byte[]> mediaProcessed(EventReader reader, MediaIndexer indexer, MeterRegistry meters) {
		Timer timer = meters.timer("vigil.catalog.indexing", "topic", "media.processed");
		return (payload) -> {
			boolean changed = Boolean.TRUE.equals(timer.record(() -> indexer.processed(reader.processed(payload))));
			meters
				.counter("vigil.catalog.events", "topic", "media.processed", "outcome",
						changed ? "applied" : "duplicate")
				.increment();
		};
	}

}
