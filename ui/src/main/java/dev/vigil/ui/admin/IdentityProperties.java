package dev.vigil.ui.admin;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where identity-service's admin API answers (users, API clients).
 *
 * @param adminUrl base URL of identity-service; its admin API lives under
 * {@code /admin/v1}
 */
@Validated
@ConfigurationProperties("vigil.ui.identity")
public record IdentityProperties(@DefaultValue("http://localhost:8090") @NotNull URI adminUrl) {

}
