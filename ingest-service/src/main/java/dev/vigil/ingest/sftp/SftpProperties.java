package dev.vigil.ingest.sftp;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The SFTP server for cameras that only speak SFTP: same accounts, same completion path.
 *
 * @param enabled start the SFTP server
 * @param port SSH port (0 = any free port)
 * @param bindAddress address to listen on; all when empty
 * @param maxSessionsPerCamera concurrent sessions of one camera account
 * @param idleTimeout an idle session is closed after this
 * @param loginTimeout a connection that has not authenticated within this is closed
 */
@ConfigurationProperties("vigil.ingest.sftp")
@Validated
record SftpProperties(@DefaultValue("true") boolean enabled, @Min(0) @Max(65535) @DefaultValue("2222") int port,
		@Nullable String bindAddress, @Positive @DefaultValue("8") int maxSessionsPerCamera,
		@NotNull @DefaultValue("120s") Duration idleTimeout, @NotNull @DefaultValue("15s") Duration loginTimeout) {
}
