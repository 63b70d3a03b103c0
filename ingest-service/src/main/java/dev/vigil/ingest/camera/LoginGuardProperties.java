package dev.vigil.ingest.camera;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Lock-out of sources and accounts that keep failing to log in (FTP and SFTP share it).
 *
 * @param maxFailures failed logins from one source address before it is locked out
 * @param maxAccountFailures failed logins to one account (from any source) before the
 * account is locked out for sources that never logged in to it
 * @param lockout first lock-out; each further lock-out of the same source or account
 * doubles it
 * @param maxLockout cap of the doubling
 * @param forgetAfter a source or account without failures for this long starts from
 * scratch
 * @param knownSourceFor a source that logged in to an account stays exempt from that
 * account's lock-out this long after its last successful login
 * @param maxTracked most sources (and, separately, accounts) with a failure record kept
 * in memory; beyond it the quiet and then the oldest unlocked records are dropped
 */
@ConfigurationProperties("vigil.ingest.login")
@Validated
public record LoginGuardProperties(@Positive @DefaultValue("5") int maxFailures,
		@Positive @DefaultValue("10") int maxAccountFailures, @NotNull @DefaultValue("30s") Duration lockout,
		@NotNull @DefaultValue("15m") Duration maxLockout, @NotNull @DefaultValue("1h") Duration forgetAfter,
		@NotNull @DefaultValue("7d") Duration knownSourceFor, @Min(100) @DefaultValue("10000") int maxTracked) {
}
