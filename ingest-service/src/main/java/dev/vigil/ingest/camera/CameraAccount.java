package dev.vigil.ingest.camera;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A camera's login on this edge node.
 *
 * @param user login name
 * @param cameraId id of the camera in keys and events
 * @param passwordHash PBKDF2 hash, never the password
 * @param allowedSources CIDRs the camera may log in from; empty means anywhere
 * @param timeZone zone of the camera's clock, {@code null} for the default
 * @param silentAfter silence threshold, {@code null} for the default
 * @param managed true when created through the admin API (and so deletable there)
 * @param requireTls FTP logins only after AUTH TLS ({@code true}), also without it
 * ({@code false}), or as {@code vigil.ingest.ftp.require-tls} says ({@code null})
 */
public record CameraAccount(String user, String cameraId, String passwordHash, List<String> allowedSources,
		@Nullable ZoneId timeZone, @Nullable Duration silentAfter, boolean managed, @Nullable Boolean requireTls) {

	public CameraAccount {
		allowedSources = List.copyOf(allowedSources);
	}

	/** An account that follows the global TLS setting. */
	public CameraAccount(String user, String cameraId, String passwordHash, List<String> allowedSources,
			@Nullable ZoneId timeZone, @Nullable Duration silentAfter, boolean managed) {
		this(user, cameraId, passwordHash, allowedSources, timeZone, silentAfter, managed, null);
	}

}
