package dev.vigil.gateway.routing;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the gateway sends requests.
 *
 * @param catalogUri catalog-api, receives {@code /api/**}
 * @param identityUri identity-service, receives {@code /auth/**} with the prefix removed
 * (and announced in {@code X-Forwarded-Prefix}), so the issuer is {@code <public>/auth}
 * @param uiUri the web UI, receives everything else
 * @param notificationUri notification-service, receives {@code /api/v1/notifications/**}
 */
@Validated
@ConfigurationProperties("vigil.gateway.routes")
record RouteProperties(@DefaultValue("http://localhost:8082") @NotNull URI catalogUri,
		@DefaultValue("http://localhost:8090") @NotNull URI identityUri,
		@DefaultValue("http://localhost:8081") @NotNull URI uiUri,
		@DefaultValue("http://localhost:8085") @NotNull URI notificationUri) {
}
