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
 */
public record CameraAccount(String user, String cameraId, String passwordHash, List<String> allowedSources,
		@Nullable ZoneId timeZone, @Nullable Duration silentAfter, boolean managed) {

	public CameraAccount {
		allowedSources = List.copyOf(allowedSources);
	}

}
