package dev.vigil.catalog.camera;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.vigil.contracts.UploadProtocol;

/**
 * A camera, registered by its first upload and then editable.
 *
 * @param id camera id as the edge knows it
 * @param name display name (the id until renamed)
 * @param edgeNodeId edge node of the latest upload
 * @param timeZone IANA time zone, for display
 * @param registeredAt first upload indexed
 * @param lastUploadAt latest receive time indexed
 * @param retention per-camera retention overrides
 * @param detection detection settings
 * @param silentAfterMinutes override of when the camera counts as silent
 * @param enabled false while disabled by an admin (the edge refuses its logins); absent
 * means enabled
 * @param protocol how the camera uploads, for its settings card; absent for cameras that
 * registered themselves by uploading
 * @param allowedSources CIDRs the camera may log in from; absent or empty means anywhere
 * @param configRevision revision of the settings the edges follow; absent for a camera
 * the platform does not manage (it registered itself by uploading)
 * @param detectionRevision revision of the detection settings processing follows
 * ({@code camera.detection}); absent until they were first set
 */
@Document("cameras")
public record CameraDocument(@Id String id, String name, @Nullable String edgeNodeId, @Nullable String timeZone,
		@Nullable Instant registeredAt, @Nullable Instant lastUploadAt, @Nullable Retention retention,
		@Nullable Detection detection, @Nullable Integer silentAfterMinutes, @Nullable Boolean enabled,
		@Nullable UploadProtocol protocol, @Nullable List<String> allowedSources, @Nullable Long configRevision,
		@Nullable Long detectionRevision) {

	/** Whether the platform manages this camera's account on its edge. */
	public boolean managed() {
		return this.configRevision != null;
	}

	public boolean isEnabled() {
		return !Boolean.FALSE.equals(this.enabled);
	}

	/**
	 * Retention overrides; absent values fall back to {@code vigil.catalog.retention.*}.
	 *
	 * @param imageMaxAgeDays delete images older than this
	 * @param videoMaxAgeDays delete videos older than this
	 * @param imageMaxBytes keep at most this many bytes of images (oldest go first)
	 * @param videoMaxBytes keep at most this many bytes of videos
	 */
	public record Retention(@Nullable Integer imageMaxAgeDays, @Nullable Integer videoMaxAgeDays,
			@Nullable Long imageMaxBytes, @Nullable Long videoMaxBytes) {

	}

	/**
	 * Detection settings for the processing service and the UI.
	 *
	 * @param personDetection whether people count (absent: yes)
	 * @param minPersonConfidence confidence below which a person is not shown
	 * @param minBoxHeight boxes shorter than this many pixels are dropped
	 * @param labels per label ({@code person}, {@code vehicle}, {@code animal}): on/off
	 * and threshold; {@code person} here wins over the two fields above
	 * @param zones polygons in fractions of the frame where detections count
	 */
	public record Detection(@Nullable Boolean personDetection, @Nullable Double minPersonConfidence,
			@Nullable Integer minBoxHeight, @Nullable Map<String, LabelSetting> labels, @Nullable List<Zone> zones) {

	}

	/**
	 * One label's settings.
	 *
	 * @param enabled whether the label counts
	 * @param minConfidence its threshold; absent means the processing default
	 */
	public record LabelSetting(boolean enabled, @Nullable Double minConfidence) {

	}

	/**
	 * A polygon in fractions of the frame (0..1, origin top left).
	 *
	 * @param points its corners, in order
	 */
	public record Zone(List<Point> points) {

	}

	/**
	 * A corner of a zone.
	 *
	 * @param x from the left edge, 0 to 1
	 * @param y from the top edge, 0 to 1
	 */
	public record Point(double x, double y) {

	}

}
