package dev.vigil.ingest.ftp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded FTP/FTPS server cameras upload to.
 *
 * @param enabled start the FTP server
 * @param port control port (0 = any free port)
 * @param bindAddress address to listen on; all when empty
 * @param passivePorts passive data port range, e.g. {@code 30000-30063}: one per FTP
 * session, so at least {@code max-sessions} ports ({@code 0} = any free port)
 * @param passiveExternalAddress address announced in PASV replies when behind NAT
 * (Docker, Kubernetes); the local address when empty
 * @param activeEnabled allow active mode (PORT/EPRT); the server only connects back to
 * the client's own address
 * @param maxSessions concurrent sessions in total
 * @param maxSessionsPerCamera concurrent sessions of one camera account
 * @param idleTimeout a session idle this long is closed
 * @param maxLoginFailures failed PASS in one session before it is closed
 * @param tls FTPS
 * @param requireTls refuse USER and PASS before AUTH TLS (passwords never in cleartext);
 * a camera account's own {@code require-tls} overrides it. On in the {@code production}
 * profile
 * @param maxPreLogin connections not logged in yet, in total; more get 421
 * @param maxPreLoginPerSource connections not logged in yet from one address
 * @param loginTimeout a connection must log in within this (idle or not)
 */
@ConfigurationProperties("vigil.ingest.ftp")
@Validated
record FtpProperties(@DefaultValue("true") boolean enabled, @Min(0) @Max(65535) @DefaultValue("2121") int port,
		@Nullable String bindAddress, @NotBlank @DefaultValue("30000-30063") String passivePorts,
		@Nullable String passiveExternalAddress, @DefaultValue("true") boolean activeEnabled,
		@Positive @DefaultValue("64") int maxSessions, @Positive @DefaultValue("8") int maxSessionsPerCamera,
		@NotNull @DefaultValue("120s") Duration idleTimeout, @Positive @DefaultValue("3") int maxLoginFailures,
		@Valid @DefaultValue Tls tls, @DefaultValue("false") boolean requireTls,
		@Positive @DefaultValue("32") int maxPreLogin, @Positive @DefaultValue("8") int maxPreLoginPerSource,
		@NotNull @DefaultValue("15s") Duration loginTimeout) {

	/**
	 * FTPS: explicit (AUTH TLS on the control port) and optionally implicit.
	 *
	 * @param enabled offer AUTH TLS
	 * @param keystore PKCS#12 keystore with the server certificate; generated
	 * (self-signed, under the data directory) when empty
	 * @param keystorePassword its password (required with {@code keystore})
	 * @param implicitPort also listen for implicit FTPS here; off when empty
	 * @param protocols TLS versions offered. TLS 1.2 by default: with TLS 1.3 the JDK
	 * sends session tickets after the handshake that clients such as curl never read on
	 * an upload-only data connection, so they close it with a reset and every upload
	 * fails with 426
	 */
	record Tls(@DefaultValue("true") boolean enabled, @Nullable Path keystore, @Nullable String keystorePassword,
			@Nullable Integer implicitPort, @DefaultValue("TLSv1.2") List<String> protocols) {
	}

}
