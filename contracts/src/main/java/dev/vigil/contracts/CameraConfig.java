package dev.vigil.contracts;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * The platform's settings of one camera, as every edge node follows them. Records live on
 * the compacted topic {@link Topics#CAMERA_CONFIG}, key = camera id; a record without a
 * value (tombstone) means the camera was deleted. The latest record per camera is the
 * whole truth: there are no partial updates, so an edge that reads the topic from the
 * start knows every camera. The password travels only as a {@link CameraPasswordHash}.
 *
 * @param cameraId camera id in object keys and events
 * @param name display name
 * @param edgeNodeId the edge node the camera uploads to; other edges drop the camera
 * @param user FTP/SFTP login name
 * @param passwordHash {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}, never the
 * password
 * @param allowedSources CIDRs the camera may log in from; empty means anywhere
 * @param timeZone IANA zone of the camera's clock, used both to read file names at the
 * edge and to show times in the UI
 * @param enabled false while an admin has disabled the camera: the edge refuses its
 * logins
 * @param silentAfterMinutes the camera counts as silent after this long without an
 * upload; absent means the default
 * @param retention retention overrides; absent means the defaults
 * @param detection detection settings; absent means the defaults
 * @param revision increases with every change of this camera; an edge ignores a record
 * older than the one it holds
 * @param updatedAt when the platform made this revision
 * @param schemaVersion shape of this record; absent means 1
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CameraConfig(String cameraId, String name, String edgeNodeId, String user, String passwordHash,
		List<String> allowedSources, String timeZone, Boolean enabled, @Nullable Integer silentAfterMinutes,
		@Nullable Retention retention, @Nullable Detection detection, Long revision, Instant updatedAt,
		Integer schemaVersion) {

	/** The shape this code writes. */
	public static final int CURRENT_SCHEMA_VERSION = 1;

	// Literal addresses only: a host name would mean a DNS lookup per login at the edge.
	private static final Pattern CIDR = Pattern.compile("[0-9a-fA-F:.]{2,45}(/[0-9]{1,3})?");

	public CameraConfig {
		Require.identifier(cameraId, "cameraId");
		if (Require.text(name, "name").length() > 100) {
			throw new InvalidEventException("name", "must be at most 100 characters");
		}
		Require.identifier(edgeNodeId, "edgeNodeId");
		Require.identifier(user, "user");
		if (!CameraPasswordHash.isHash(Require.present(passwordHash, "passwordHash"))) {
			throw new InvalidEventException("passwordHash", "must be a pbkdf2-sha256 hash, never a password");
		}
		allowedSources = List.copyOf((allowedSources != null) ? allowedSources : List.of());
		for (String source : allowedSources) {
			if (!CIDR.matcher(source).matches()) {
				throw new InvalidEventException("allowedSources", "must be address blocks such as 192.168.1.0/24");
			}
		}
		try {
			ZoneId.of(Require.text(timeZone, "timeZone"));
		}
		catch (DateTimeException ex) {
			throw new InvalidEventException("timeZone", "must be an IANA time zone such as Europe/Berlin");
		}
		Require.present(enabled, "enabled");
		if (silentAfterMinutes != null && silentAfterMinutes < 1) {
			throw new InvalidEventException("silentAfterMinutes", "must be positive");
		}
		Require.atLeast(revision, 1, "revision");
		Require.present(updatedAt, "updatedAt");
		schemaVersion = Require.schemaVersion(schemaVersion);
	}

	/**
	 * Retention overrides; absent values fall back to the platform's defaults.
	 *
	 * @param imageMaxAgeDays delete images older than this
	 * @param videoMaxAgeDays delete videos older than this
	 * @param imageMaxBytes keep at most this many bytes of images
	 * @param videoMaxBytes keep at most this many bytes of videos
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Retention(@Nullable Integer imageMaxAgeDays, @Nullable Integer videoMaxAgeDays,
			@Nullable Long imageMaxBytes, @Nullable Long videoMaxBytes) {

	}

	/**
	 * Detection settings.
	 *
	 * @param personDetection whether to run person detection
	 * @param minPersonConfidence confidence below which a person is not shown
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Detection(@Nullable Boolean personDetection, @Nullable Double minPersonConfidence) {

	}

}
