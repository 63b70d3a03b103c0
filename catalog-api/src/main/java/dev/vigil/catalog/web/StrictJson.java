package dev.vigil.catalog.web;

import tools.jackson.core.StreamReadFeature;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON with a key twice ({@code {"hold":false,"hold":true}}) is refused instead of
 * silently taking the last value: a filter or proxy in front that reads the first one
 * would otherwise see another request than this service acts on. Applies to request
 * bodies (400 problem) and to wire events read by the consumers (dead letter).
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	@Bean
	JsonMapperBuilderCustomizer strictDuplicateDetection() {
		return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
	}

}
