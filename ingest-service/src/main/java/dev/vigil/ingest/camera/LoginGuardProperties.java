package dev.vigil.ingest.camera;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Lock-out of sources that keep failing to log in (FTP and SFTP share it).
 *
 * @param maxFailures failed logins from one source address before it is locked out
 * @param lockout first lock-out; each further lock-out of the same source doubles it
 * @param maxLockout cap of the doubling
 * @param forgetAfter a source quiet this long starts from scratch
 */
@ConfigurationProperties("vigil.ingest.login")
@Validated
public record LoginGuardProperties(@Positive @DefaultValue("5") int maxFailures,
		@NotNull @DefaultValue("30s") Duration lockout, @NotNull @DefaultValue("15m") Duration maxLockout,
		@NotNull @DefaultValue("1h") Duration forgetAfter) {
}
