package dev.vigil.bench.sim;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Where and under which name camera firmware puts a file, in the shapes real cameras use.
 */
public enum FileNaming {

	/**
	 * Foscam HD: {@code {camera}/{device}/snap/MDAlarm_20160830-155137.jpg} and
	 * {@code {camera}/{device}/record/MDalarm_20160830_152954.avi}.
	 */
	FOSCAM {
		@Override
		String directory(String camera, String device, boolean clip) {
			return camera + "/" + device + (clip ? "/record" : "/snap");
		}

		@Override
		String fileName(String device, LocalDateTime time, int sequence, boolean clip) {
			return clip ? "MDalarm_" + CLIP_TIME.format(time) + ".avi" : "MDAlarm_" + SNAP_TIME.format(time) + ".jpg";
		}
	},

	/**
	 * Older Foscam firmware, flat in the home directory:
	 * {@code 000DC5D4D0F7(camera)_1_20160830154350_5219.jpg}.
	 */
	FOSCAM_LEGACY {
		@Override
		String directory(String camera, String device, boolean clip) {
			return "";
		}

		@Override
		String fileName(String device, LocalDateTime time, int sequence, boolean clip) {
			return device + "(cam)_1_" + LEGACY_TIME.format(time) + "_" + (1000 + sequence) + (clip ? ".avi" : ".jpg");
		}
	};

	private static final DateTimeFormatter SNAP_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

	private static final DateTimeFormatter CLIP_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss", Locale.ROOT);

	private static final DateTimeFormatter LEGACY_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

	abstract String directory(String camera, String device, boolean clip);

	abstract String fileName(String device, LocalDateTime time, int sequence, boolean clip);

}
