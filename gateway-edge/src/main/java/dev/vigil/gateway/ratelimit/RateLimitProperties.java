package dev.vigil.gateway.ratelimit;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Request rate limits, counted in Redis so every gateway replica shares them.
 *
 * @param enabled switch
 * @param perAddress requests one client address may make per window (every request)
 * @param perClient requests one bearer token or Basic-authenticated client may make per
 * window (in addition to the address limit)
 * @param window counting window (fixed windows starting at the first request)
 * @param failOpen when Redis is unreachable: {@code true} lets requests through (logged),
 * {@code false} answers 503
 */
@Validated
@ConfigurationProperties("vigil.gateway.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1200") @Min(1) int perAddress,
		@DefaultValue("600") @Min(1) int perClient, @DefaultValue("1m") Duration window,
		@DefaultValue("true") boolean failOpen) {
}
