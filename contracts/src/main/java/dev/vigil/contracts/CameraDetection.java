package dev.vigil.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * One camera's detection settings as the platform holds them, for every processing
 * instance. Records live on the compacted topic {@link Topics#CAMERA_DETECTION}, key =
 * camera id; a tombstone means the camera was deleted (processing falls back to its own
 * defaults). Unlike {@link CameraConfig} it exists for every camera, also one that
 * registered itself by uploading, and carries no credentials.
 *
 * @param cameraId camera id in object keys and events
 * @param minBoxHeight boxes shorter than this many pixels of the original are dropped;
 * absent means none
 * @param labels per label ({@code person}, {@code vehicle}, {@code animal}): on/off and
 * the label's own threshold; a label not named keeps the processing defaults
 * @param zones polygons in fractions of the frame; when present a detection counts only
 * when the bottom centre of its box is inside one; empty means the whole frame
 * @param revision increases with every change of this camera's settings; an older record
 * than the one held is ignored
 * @param updatedAt when the platform made this revision
 * @param schemaVersion shape of this record; absent means 1
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CameraDetection(String cameraId, @Nullable Integer minBoxHeight, Map<String, Label> labels,
		List<Zone> zones, Long revision, Instant updatedAt, Integer schemaVersion) {

	/** The shape this code writes. */
	public static final int CURRENT_SCHEMA_VERSION = 1;

	private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

	/** At most this many zones per camera. */
	public static final int MAX_ZONES = 16;

	/** At most this many points per zone. */
	public static final int MAX_POINTS = 64;

	public CameraDetection {
		Require.identifier(cameraId, "cameraId");
		if (minBoxHeight != null && minBoxHeight < 0) {
			throw new InvalidEventException("minBoxHeight", "must not be negative");
		}
		labels = Map.copyOf((labels != null) ? labels : Map.of());
		labels.forEach((label, settings) -> {
			if (!LABEL.matcher(label).matches()) {
				throw new InvalidEventException("labels", "'" + label + "' is not a label such as person");
			}
			Require.present(settings, "labels." + label);
		});
		zones = List.copyOf((zones != null) ? zones : List.of());
		if (zones.size() > MAX_ZONES) {
			throw new InvalidEventException("zones", "must be at most " + MAX_ZONES);
		}
		Require.atLeast(revision, 1, "revision");
		Require.present(updatedAt, "updatedAt");
		schemaVersion = Require.schemaVersion(schemaVersion);
	}

	private static void fraction(@Nullable Double value, String field) {
		if (value != null && !(value >= 0.0 && value <= 1.0)) {
			throw new InvalidEventException(field, "must be between 0 and 1");
		}
	}

	/**
	 * One label's settings on this camera.
	 *
	 * @param enabled false drops the label's detections
	 * @param minConfidence the label's own threshold; absent means the processing default
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Label(Boolean enabled, @Nullable Double minConfidence) {

		public Label {
			Require.present(enabled, "enabled");
			fraction(minConfidence, "minConfidence");
		}

	}

	/**
	 * A polygon in fractions of the frame (0..1, origin top left), so one zone fits every
	 * resolution the camera delivers.
	 *
	 * @param points at least three corners, in order
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Zone(List<Point> points) {

		public Zone {
			points = List.copyOf(Require.present(points, "points"));
			if (points.size() < 3 || points.size() > MAX_POINTS) {
				throw new InvalidEventException("zones", "a zone needs 3 to " + MAX_POINTS + " points");
			}
		}

	}

	/**
	 * A corner of a zone.
	 *
	 * @param x from the left edge, 0 to 1
	 * @param y from the top edge, 0 to 1
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Point(Double x, Double y) {

		public Point {
			fraction(Require.present(x, "x"), "zones");
			fraction(Require.present(y, "y"), "zones");
		}

	}

}
