package dev.vigil.processing.detect;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Exactly one {@link Detector} bean, or none when detection is off.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DetectionProperties.class)
class DetectionConfiguration {

	@Bean
	DetectionPolicy detectionPolicy(DetectionProperties properties) {
		return new DetectionPolicy(properties);
	}

	@Bean
	@ConditionalOnProperty(name = "vigil.processing.detection.detector", havingValue = "hog", matchIfMissing = true)
	HogDetector hogDetector(DetectionProperties properties) {
		return new HogDetector(properties.hog());
	}

	@Bean
	@ConditionalOnProperty(name = "vigil.processing.detection.detector", havingValue = "http")
	HttpDetector httpDetector(DetectionProperties properties, JsonMapper json) {
		DetectionProperties.Http http = properties.http();
		if (http.url() == null) {
			throw new IllegalStateException(
					"vigil.processing.detection.http.url is required when vigil.processing.detection.detector=http");
		}
		return new HttpDetector(http.url(), http.timeout(), http.name(), http.version(), json);
	}

}
