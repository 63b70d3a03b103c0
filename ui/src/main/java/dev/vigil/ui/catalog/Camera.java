package dev.vigil.ui.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A camera as catalog-api shows it.
 *
 * @param id camera id
 * @param name display name
 * @param edgeNodeId edge node of its latest upload
 * @param timeZone IANA time zone for display, if set
 * @param registeredAt first upload
 * @param lastUploadAt latest upload
 * @param retention retention overrides
 * @param detection detection settings
 * @param silentAfterMinutes after how long without uploads it counts as silent
 */
public record Camera(String id, @Nullable String name, @Nullable String edgeNodeId, @Nullable String timeZone,
		@Nullable Instant registeredAt, @Nullable Instant lastUploadAt, @Nullable Retention retention,
		@Nullable Detection detection, @Nullable Integer silentAfterMinutes) {

	/** The labels the detector reports, in the order pages show them. */
	public static final List<String> LABELS = List.of("person", "vehicle", "animal");

	/** The name to show: the display name, else the id. */
	public String label() {
		return (this.name != null && !this.name.isBlank()) ? this.name : this.id;
	}

	/**
	 * What the detector reports for this camera, one line per label: {@code person},
	 * {@code vehicle ≥ 60 %}, {@code animal off}.
	 * @return person, vehicle, animal in that order
	 */
	public List<String> detects() {
		Detection settings = (this.detection != null) ? this.detection : new Detection(null, null, null);
		return LABELS.stream().map((label) -> {
			LabelSetting setting = settings.label(label);
			if (!setting.enabled()) {
				return label + " off";
			}
			return (setting.minConfidence() != null) ? label + " ≥ " + Math.round(setting.minConfidence() * 100) + " %"
					: label;
		}).toList();
	}

	/**
	 * Retention overrides.
	 *
	 * @param imageMaxAgeDays delete images older than this
	 * @param videoMaxAgeDays delete videos older than this
	 * @param imageMaxBytes keep at most this many bytes of images
	 * @param videoMaxBytes keep at most this many bytes of videos
	 */
	public record Retention(@Nullable Integer imageMaxAgeDays, @Nullable Integer videoMaxAgeDays,
			@Nullable Long imageMaxBytes, @Nullable Long videoMaxBytes) {

	}

	/**
	 * Detection settings. {@code labels.person}, where set, wins over the two person
	 * fields (catalog-api publishes it that way to processing).
	 *
	 * @param personDetection whether person detection runs
	 * @param minPersonConfidence confidence below which a person is not shown
	 * @param labels per label ({@code person}, {@code vehicle}, {@code animal}): on/off
	 * and threshold
	 */
	public record Detection(@Nullable Boolean personDetection, @Nullable Double minPersonConfidence,
			@Nullable Map<String, LabelSetting> labels) {

		/**
		 * One label's settings: what is stored for it, else the person fields for
		 * {@code person}, else on with the processing default threshold.
		 * @param label {@code person}, {@code vehicle} or {@code animal}
		 * @return its settings
		 */
		public LabelSetting label(String label) {
			LabelSetting stored = (this.labels != null) ? this.labels.get(label) : null;
			if (stored != null) {
				return stored;
			}
			if ("person".equals(label)) {
				return new LabelSetting(!Boolean.FALSE.equals(this.personDetection), this.minPersonConfidence);
			}
			return new LabelSetting(true, null);
		}

	}

	/**
	 * One label's detection settings.
	 *
	 * @param enabled whether the label counts
	 * @param minConfidence its threshold, 0 to 1; absent means the processing default
	 */
	public record LabelSetting(boolean enabled, @Nullable Double minConfidence) {

	}

}
