package dev.vigil.gateway.headers;

import dev.vigil.gateway.requests.RequestProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityHeadersProperties.class)
class SecurityHeadersConfiguration {

	@Bean
	SecurityHeadersFilter securityHeadersFilter(SecurityHeadersProperties properties, RequestProperties requests) {
		return new SecurityHeadersFilter(properties, requests.trustForwardedHeaders());
	}

}
