package dev.vigil.ingest.camera;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import dev.vigil.contracts.Identifiers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Camera accounts defined by configuration (more can be added through the admin API).
 *
 * @param accounts the configured cameras
 * @param defaultTimeZone zone of camera clocks without their own {@code time-zone}
 * @param silentAfter a camera that has uploaded before and is quiet this long is reported
 * silent (per-camera override: {@code silent-after} on the account)
 * @param passwordIterations PBKDF2-HMAC-SHA256 iterations for new password hashes
 * (OWASP's 600000 by default); stored hashes with fewer are re-hashed at the next
 * successful login
 * @param rememberLoginsFor how long a camera's correct password is remembered (in memory,
 * as an HMAC) so its next logins skip the PBKDF2 work; wrong passwords always pay it;
 * {@code 0} turns it off
 */
@ConfigurationProperties("vigil.ingest.cameras")
@Validated
public record CameraProperties(@Nullable @Valid List<Account> accounts,
		@NotNull @DefaultValue("UTC") ZoneId defaultTimeZone, @NotNull @DefaultValue("6h") Duration silentAfter,
		@Min(10000) @DefaultValue("600000") int passwordIterations,
		@NotNull @DefaultValue("10m") Duration rememberLoginsFor) {

	@ConstructorBinding
	public CameraProperties {
		accounts = (accounts != null) ? List.copyOf(accounts) : List.of();
	}

	/** Settings that remember verified logins for the default 10 minutes. */
	public CameraProperties(@Nullable List<Account> accounts, ZoneId defaultTimeZone, Duration silentAfter,
			int passwordIterations) {
		this(accounts, defaultTimeZone, silentAfter, passwordIterations, Duration.ofMinutes(10));
	}

	@Override
	public List<Account> accounts() {
		return (this.accounts != null) ? this.accounts : List.of();
	}

	/**
	 * One camera's login.
	 *
	 * @param user FTP/SFTP user name
	 * @param cameraId camera id used in object keys and events
	 * @param passwordHash {@code pbkdf2-sha256$...} hash (from the admin API); or
	 * @param password the plain password, for secrets injected as environment variables;
	 * hashed at start and never logged
	 * @param allowedSources CIDRs the camera may log in from; empty = anywhere
	 * @param timeZone zone of the camera's clock
	 * @param silentAfter per-camera silence threshold
	 * @param requireTls FTP login only after AUTH TLS; empty = as
	 * {@code vigil.ingest.ftp.require-tls}
	 */
	public record Account(@NotBlank String user, @NotBlank @Pattern(regexp = Identifiers.PATTERN) String cameraId,
			@Nullable String passwordHash, @Nullable String password, @Nullable List<String> allowedSources,
			@Nullable ZoneId timeZone, @Nullable Duration silentAfter, @Nullable Boolean requireTls) {

		@ConstructorBinding
		public Account {
		}

		/** An account that follows the global TLS setting. */
		public Account(String user, String cameraId, @Nullable String passwordHash, @Nullable String password,
				@Nullable List<String> allowedSources, @Nullable ZoneId timeZone, @Nullable Duration silentAfter) {
			this(user, cameraId, passwordHash, password, allowedSources, timeZone, silentAfter, null);
		}

	}

}
