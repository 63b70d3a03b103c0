package dev.vigil.gateway.requests;

import org.springframework.beans.factory.annotation.Value;
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
	RequestLineFilter requestLineFilter(RequestProperties properties) {
		return new RequestLineFilter(properties.maxUriLength());
	}

	@Bean
	ManagementPathFilter managementPathFilter(@Value("${management.server.port:-1}") int managementPort) {
		return new ManagementPathFilter(managementPort);
	}

	@Bean
	ProblemErrorHandler problemErrorHandler() {
		return new ProblemErrorHandler();
	}

	@Bean
	BodySizeFilter bodySizeFilter(RequestProperties properties) {
		return new BodySizeFilter(properties.maxBodySize().toBytes());
	}

}
