package dev.vigil.ui.catalog;

import java.time.Instant;

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

	/** The name to show: the display name, else the id. */
	public String label() {
		return (this.name != null && !this.name.isBlank()) ? this.name : this.id;
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
	 * Detection settings.
	 *
	 * @param personDetection whether person detection runs
	 * @param minPersonConfidence confidence below which a person is not shown
	 */
	public record Detection(@Nullable Boolean personDetection, @Nullable Double minPersonConfidence) {

	}

}
