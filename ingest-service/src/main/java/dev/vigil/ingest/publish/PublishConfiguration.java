package dev.vigil.ingest.publish;

import java.time.Clock;

import dev.vigil.contracts.EventCodec;
import dev.vigil.ingest.EdgeProperties;
import dev.vigil.ingest.PlatformKafka;
import dev.vigil.ingest.spool.Spool;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "vigil.ingest.publish.enabled", matchIfMissing = true)
class PublishConfiguration {

	@Bean(destroyMethod = "close")
	ObjectStore objectStore(S3Properties s3, PublishProperties properties, EdgeProperties edge) {
		return new ObjectStore(s3, properties, edge.nodeId());
	}

	@Bean(destroyMethod = "close")
	EventPublisher eventPublisher(PlatformKafka kafka, PublishProperties properties, EdgeProperties edge) {
		return new EventPublisher(kafka, "vigil-ingest-" + edge.nodeId(), properties,
				new EventCodec(JsonMapper.builder().build()));
	}

	@Bean
	SpoolPublisher spoolPublisher(Spool spool, ObjectStore objects, EventPublisher events, PublishProperties properties,
			EdgeProperties edge, MeterRegistry meters, Clock clock) {
		return new SpoolPublisher(spool, objects, events, properties, edge.nodeId(), meters, clock);
	}

}
