package dev.vigil.catalog.edge;

import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.vigil.contracts.EdgeHeartbeat;
import dev.vigil.contracts.EventCodec;
import dev.vigil.contracts.RejectedEventException;

/**
 * Consumer of {@code edge.heartbeat} (binding {@code edgeHeartbeat-in-0}, group
 * {@code catalog}), read by the contracts' {@link EventCodec}. A heartbeat it rejects is
 * not retried: it goes to the binding's dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class EdgeHeartbeats {

	private static final Logger log = LoggerFactory.getLogger(EdgeHeartbeats.class);

	@Bean
	Consumer<byte[]> edgeHeartbeat(EdgeNodes edges, EventCodec codec, MeterRegistry meters) {
		return (payload) -> {
			EdgeHeartbeat heartbeat;
			try {
				heartbeat = codec.read(payload, EdgeHeartbeat.class);
			}
			catch (RejectedEventException ex) {
				meters.counter("vigil.catalog.events", "topic", "edge.heartbeat", "outcome", "rejected").increment();
				log.warn("Refused and dead-lettered an edge heartbeat: {}", ex.getMessage());
				throw ex;
			}
			String outcome = edges.heard(heartbeat) ? "applied" : "duplicate";
			meters.counter("vigil.catalog.events", "topic", "edge.heartbeat", "outcome", outcome).increment();
		};
	}

}
