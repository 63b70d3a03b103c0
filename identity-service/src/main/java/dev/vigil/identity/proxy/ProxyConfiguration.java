package dev.vigil.identity.proxy;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers {@link TrustedProxyFilter} ahead of every other filter (Spring Security's
 * included). It replaces {@code server.forward-headers-strategy=framework}, which would
 * trust every peer.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProxyProperties.class)
class ProxyConfiguration {

	@Bean
	FilterRegistrationBean<TrustedProxyFilter> trustedProxyFilter(ProxyProperties properties) {
		FilterRegistrationBean<TrustedProxyFilter> registration = new FilterRegistrationBean<>(
				new TrustedProxyFilter(properties.trustedProxies()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

}
