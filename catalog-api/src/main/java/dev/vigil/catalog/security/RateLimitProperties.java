package dev.vigil.catalog.security;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-client request limits, counted in Redis so that every instance shares them.
 *
 * @param requests requests allowed per client and window; 0 turns limiting off
 * @param window the window length
 */
@Validated
@ConfigurationProperties("vigil.catalog.rate-limit")
public record RateLimitProperties(@DefaultValue("1200") @Min(0) int requests, @DefaultValue("1m") Duration window) {

}
