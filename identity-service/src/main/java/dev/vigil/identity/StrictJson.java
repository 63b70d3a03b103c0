package dev.vigil.identity;

import tools.jackson.core.StreamReadFeature;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An admin API body with a key twice ({@code {"roles":["viewer"],"roles":["admin"]}}) is
 * refused (400 problem) instead of silently taking the last value, which a proxy or audit
 * log in front may read differently.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	@Bean
	JsonMapperBuilderCustomizer strictDuplicateDetection() {
		return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
	}

}
