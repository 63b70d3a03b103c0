package dev.vigil.ui.notifications;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where notification-service answers.
 *
 * @param baseUrl notification-service's base URL, without {@code /api/v1} (service to
 * service, like catalog-api; the gateway's URL works too, it routes
 * {@code /api/v1/notifications/**} there)
 */
@Validated
@ConfigurationProperties("vigil.ui.notifications")
record NotificationsProperties(@DefaultValue("http://localhost:8085") @NotNull URI baseUrl) {

}
