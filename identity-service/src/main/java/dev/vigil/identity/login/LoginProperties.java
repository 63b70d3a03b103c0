package dev.vigil.identity.login;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Brute-force protection for the sign-in form (state in Redis, shared by replicas).
 *
 * @param maxFailuresPerAccount failures for one username within {@code window} before it
 * is locked
 * @param maxFailuresPerSource failures from one address within {@code window} before the
 * address is locked (catches password spraying across many names)
 * @param window how long failures are counted
 * @param lockout first lock-out; doubles with every further failure
 * @param maxLockout upper bound of the doubling
 */
@Validated
@ConfigurationProperties("vigil.identity.login")
record LoginProperties(@DefaultValue("5") @Min(1) int maxFailuresPerAccount,
		@DefaultValue("20") @Min(1) int maxFailuresPerSource, @DefaultValue("15m") Duration window,
		@DefaultValue("30s") Duration lockout, @DefaultValue("15m") Duration maxLockout) {
}
