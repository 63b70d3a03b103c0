package dev.vigil.ui.catalog;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where catalog-api answers and how long the UI waits for it.
 *
 * @param baseUrl catalog-api's base URL, without {@code /api/v1} (service to service, not
 * through the gateway)
 * @param connectTimeout connect timeout; short, so that a down catalog gives a friendly
 * page quickly
 * @param readTimeout read timeout of ordinary calls
 * @param pageSize events per timeline page
 */
@Validated
@ConfigurationProperties("vigil.ui.catalog")
public record CatalogProperties(@DefaultValue("http://localhost:8082") @NotNull URI baseUrl,
		@DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
		@DefaultValue("24") @Min(1) @Max(200) int pageSize) {

}
