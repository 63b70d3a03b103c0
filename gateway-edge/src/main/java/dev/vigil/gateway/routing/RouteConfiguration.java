package dev.vigil.gateway.routing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One public entry point: {@code /api/v1/notifications/**} to notification-service,
 * {@code /api/**} to catalog-api, {@code /auth/**} to the issuer, the rest to the UI. The
 * Host header is kept and X-Forwarded-* added, so redirects and presigned URLs built
 * downstream point at the public address.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RouteProperties.class)
class RouteConfiguration {

	@Bean
	RouteLocator vigilRoutes(RouteLocatorBuilder builder, RouteProperties routes) {
		return builder.routes()
			.route("notification-service",
					(route) -> route.order(-1)
						.path("/api/v1/notifications", "/api/v1/notifications/**")
						.filters((filters) -> filters.preserveHostHeader())
						.uri(routes.notificationUri()))
			.route("catalog-api",
					(route) -> route.order(0)
						.path("/api", "/api/**")
						.filters((filters) -> filters.preserveHostHeader())
						.uri(routes.catalogUri()))
			.route("identity",
					(route) -> route.order(0)
						.path("/auth", "/auth/**")
						.filters((filters) -> filters.preserveHostHeader().stripPrefix(1))
						.uri(routes.identityUri()))
			.route("ui",
					(route) -> route.order(Integer.MAX_VALUE)
						.path("/**")
						.filters((filters) -> filters.preserveHostHeader())
						.uri(routes.uiUri()))
			.build();
	}

}
