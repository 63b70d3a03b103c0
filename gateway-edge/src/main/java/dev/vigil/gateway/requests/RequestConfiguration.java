package dev.vigil.gateway.requests;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestProperties.class)
class RequestConfiguration {

	@Bean
	RequestIdFilter requestIdFilter(RequestProperties properties) {
		return new RequestIdFilter(properties.trustForwardedHeaders());
	}

	@Bean
	BodySizeFilter bodySizeFilter(RequestProperties properties) {
		return new BodySizeFilter(properties.maxBodySize().toBytes());
	}

}
