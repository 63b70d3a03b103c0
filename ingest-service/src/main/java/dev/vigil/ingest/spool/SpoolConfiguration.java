package dev.vigil.ingest.spool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.vigil.ingest.EdgeProperties;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SpoolConfiguration {

	@Bean
	Spool spool(EdgeProperties edge, SpoolProperties properties, Clock clock, MeterRegistry meters) {
		Spool spool = new Spool(edge.spool(), properties, clock);
		Gauge.builder("vigil.ingest.spool.depth", spool, Spool::depth)
			.description("Uploads waiting to be published")
			.register(meters);
		Gauge.builder("vigil.ingest.spool.bytes", spool, Spool::pendingBytes)
			.baseUnit("bytes")
			.description("Bytes waiting to be published")
			.register(meters);
		Gauge
			.builder("vigil.ingest.spool.oldest.age", spool,
					(s) -> s.oldestReceivedAt()
						.map((oldest) -> Duration.between(oldest, Instant.now(clock)).toMillis() / 1000.0)
						.orElse(0.0))
			.baseUnit("seconds")
			.description("Age of the oldest upload waiting to be published")
			.register(meters);
		for (String kind : new String[] { "content", "directory", "journal" }) {
			FunctionCounter.builder("vigil.ingest.spool.fsyncs", spool, (s) -> s.fsyncs(kind))
				.tag("kind", kind)
				.description(
						"fsyncs by the spool: content once per upload, directory and journal once per group commit")
				.register(meters);
		}
		FunctionCounter.builder("vigil.ingest.spool.commits", spool, Spool::commits)
			.description("Group commits of the spool journal (uploads and publications finishing together share one)")
			.register(meters);
		return spool;
	}

}
