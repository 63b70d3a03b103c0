package dev.vigil.catalog.edge;

import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.vigil.contracts.EdgeHeartbeat;
import dev.vigil.contracts.InvalidEventException;

/**
 * Consumer of {@code edge.heartbeat} (binding {@code edgeHeartbeat-in-0}, group
 * {@code catalog}). A heartbeat that breaks the contract is not retried: it goes to the
 * binding's dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class EdgeHeartbeats {

	private static final Logger log = LoggerFactory.getLogger(EdgeHeartbeats.class);

	private final JsonMapper json = JsonMapper.builder().build();

	@Bean
	Consumer<byte[]> edgeHeartbeat(EdgeNodes edges, MeterRegistry meters) {
		return (payload) -> {
			EdgeHeartbeat heartbeat;
			try {
				heartbeat = this.json.readValue(payload, EdgeHeartbeat.class);
			}
			catch (JacksonException ex) {
				meters.counter("vigil.catalog.events", "topic", "edge.heartbeat", "outcome", "rejected").increment();
				log.warn("Refused and dead-lettered an edge heartbeat: {}", ex.getOriginalMessage());
				throw new InvalidEventException("payload", "is not an edge heartbeat: " + ex.getOriginalMessage());
			}
			String outcome = edges.heard(heartbeat) ? "applied" : "duplicate";
			meters.counter("vigil.catalog.events", "topic", "edge.heartbeat", "outcome", outcome).increment();
		};
	}

}
