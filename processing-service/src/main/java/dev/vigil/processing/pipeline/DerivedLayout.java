package dev.vigil.processing.pipeline;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vigil.contracts.Identifiers;
import dev.vigil.contracts.MediaUploaded;

/**
 * Where derived objects go:
 * {@code derived/{cameraId}/{yyyy}/{MM}/{dd}/{HH}/{sha256}/...}, mirroring the original's
 * {@code originals/{cameraId}/{yyyy}/{MM}/{dd}/{HH}/{sha256}.{ext}} so that retention can
 * delete an hour of a camera with two prefix deletes. Keys never depend on anything but
 * the original's key, so a rerun overwrites instead of adding.
 */
final class DerivedLayout {

	private static final Pattern ORIGINAL = Pattern.compile(
			"originals/(" + Identifiers.PATTERN + ")/(\\d{4}/\\d{2}/\\d{2}/\\d{2})/([0-9a-f]{64})\\.[A-Za-z0-9]{1,8}");

	private final String prefix;

	private DerivedLayout(String prefix) {
		this.prefix = prefix;
	}

	static DerivedLayout of(MediaUploaded event) {
		Matcher m = ORIGINAL.matcher(event.objectKey());
		if (m.matches() && m.group(1).equals(event.cameraId()) && m.group(3).equals(event.sha256())) {
			return new DerivedLayout("derived/" + event.cameraId() + "/" + m.group(2) + "/" + event.sha256() + "/");
		}
		// An original outside the standard layout still gets a per-camera, per-content
		// home.
		return new DerivedLayout("derived/" + event.cameraId() + "/other/" + event.sha256() + "/");
	}

	String thumbnail() {
		return this.prefix + "thumb.jpg";
	}

	String poster() {
		return this.prefix + "poster.jpg";
	}

	String rendition() {
		return this.prefix + "h264.mp4";
	}

	/**
	 * How many runs of this item started and did not finish (a crash, a kill), written
	 * before decoding and removed with the result; outside {@code derived/}, so the
	 * derived media stay exactly what was made.
	 */
	String startedRuns() {
		return "processing/started/" + this.prefix.substring("derived/".length()) + "runs.txt";
	}

	/** The processing result, written last: its presence means the work is done. */
	String marker() {
		return this.prefix + "processed.json";
	}

}
