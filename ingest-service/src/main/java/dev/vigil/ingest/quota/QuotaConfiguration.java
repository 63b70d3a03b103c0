package dev.vigil.ingest.quota;

import dev.vigil.ingest.EdgeProperties;
import dev.vigil.ingest.spool.Spool;
import dev.vigil.ingest.spool.SpoolProperties;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class QuotaConfiguration {

	@Bean
	StorageUsage storageUsage(EdgeProperties edge, Spool spool, SpoolProperties spoolProperties,
			QuotaProperties properties, MeterRegistry meters) {
		return new StorageUsage(edge, spool, spoolProperties, properties, meters);
	}

}
