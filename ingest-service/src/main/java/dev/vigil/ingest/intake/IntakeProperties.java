package dev.vigil.ingest.intake;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How finished uploads are judged and when leftovers in camera homes are cleaned up.
 *
 * @param maxFileSize largest single upload; a transfer that passes it is aborted with 552
 * @param temporaryNames glob patterns (file name only) of names cameras upload under
 * before renaming; such files are taken at the rename, not at the end of the transfer
 * @param visibleFor how long a taken file stays listed in the camera's home (so SIZE,
 * MDTM and LIST after an upload work); it is a hard link, so it costs no extra space
 * @param abandonAfter temporary-named files never renamed are deleted after this
 * @param sweepInterval how often camera homes are swept
 * @param quarantineMaxFiles newest quarantined files kept per camera for inspection
 * @param capturePatterns file-name patterns for the capture time, tried in order: a
 * regular expression whose first group is the time, and its {@code DateTimeFormatter}
 * pattern
 * @param quarantineMaxBytes bytes of quarantined files kept per camera (newest first)
 * @param quarantineMaxAge quarantined files older than this are deleted
 * @param unfinishedMaxBytes bytes of temporary-named files kept per camera; beyond it the
 * oldest are deleted at the next sweep
 */
@ConfigurationProperties("vigil.ingest.intake")
@Validated
record IntakeProperties(@NotNull @DefaultValue("200MB") DataSize maxFileSize, @Nullable List<String> temporaryNames,
		@NotNull @DefaultValue("15m") Duration visibleFor, @NotNull @DefaultValue("6h") Duration abandonAfter,
		@NotNull @DefaultValue("60s") Duration sweepInterval, @Positive @DefaultValue("500") int quarantineMaxFiles,
		@Nullable @Valid List<CapturePattern> capturePatterns,
		@NotNull @DefaultValue("100MB") DataSize quarantineMaxBytes,
		@NotNull @DefaultValue("7d") Duration quarantineMaxAge,
		@NotNull @DefaultValue("400MB") DataSize unfinishedMaxBytes) {

	static final List<String> DEFAULT_TEMPORARY_NAMES = List.of("*.tmp", "*.temp", "*.part", "*.partial", "*.filepart",
			"*.upload", "*.uploading", ".*", "~*");

	static final List<CapturePattern> DEFAULT_CAPTURE_PATTERNS = List.of(
			// Foscam snapshots: MDAlarm_20160830-155137.jpg
			new CapturePattern("foscam-snap", "(?i)^MDAlarm_(\\d{8}-\\d{6})", "yyyyMMdd-HHmmss"),
			// Foscam recordings: MDalarm_20160830_152954.mkv
			new CapturePattern("foscam-record", "(?i)^MDAlarm_(\\d{8}_\\d{6})", "yyyyMMdd_HHmmss"),
			// Older Foscam firmware: 000DC5D4D0F7(downdown)_1_20160830154350_5219.jpg
			new CapturePattern("foscam-legacy", "^[0-9A-Fa-f]{12}\\(.*\\)_\\d+_(\\d{14})_\\d+\\.", "yyyyMMddHHmmss"),
			// Many other vendors put a 14-digit local timestamp somewhere in the name.
			new CapturePattern("timestamp-14", "(?<!\\d)(20\\d{12})(?!\\d)", "yyyyMMddHHmmss"));

	IntakeProperties {
		temporaryNames = (temporaryNames != null) ? List.copyOf(temporaryNames) : DEFAULT_TEMPORARY_NAMES;
		capturePatterns = (capturePatterns != null && !capturePatterns.isEmpty()) ? List.copyOf(capturePatterns)
				: DEFAULT_CAPTURE_PATTERNS;
	}

	@Override
	public List<String> temporaryNames() {
		return (this.temporaryNames != null) ? this.temporaryNames : DEFAULT_TEMPORARY_NAMES;
	}

	@Override
	public List<CapturePattern> capturePatterns() {
		return (this.capturePatterns != null) ? this.capturePatterns : DEFAULT_CAPTURE_PATTERNS;
	}

	/**
	 * One vendor's file-name shape.
	 *
	 * @param name label for logs
	 * @param regex regular expression, first group = the time text
	 * @param format {@code DateTimeFormatter} pattern of the time text
	 */
	record CapturePattern(@NotBlank String name, @NotBlank String regex, @NotBlank String format) {
	}

}
