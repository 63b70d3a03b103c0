package dev.vigil.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

	@Bean
	RateLimitFilter rateLimitFilter(ReactiveStringRedisTemplate redis, RateLimitProperties properties,
			MeterRegistry meters) {
		return new RateLimitFilter(redis, properties, meters);
	}

}
