package dev.vigil.notify.system;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A camera the silence check watches.
 *
 * @param id camera id
 * @param lastSeen when its last upload reached an edge; null before the first
 * @param knownSince when this service first heard of it (silence counts from here until
 * the first upload)
 * @param silentAfterMinutes its own threshold from {@code camera.config}; null = default
 * @param enabled false while an admin has disabled it (not watched)
 */
@Document(WatchedCamera.COLLECTION)
record WatchedCamera(@Id String id, @Nullable Instant lastSeen, Instant knownSince,
		@Nullable Integer silentAfterMinutes, boolean enabled) {

	static final String COLLECTION = "system_cameras";

	Duration threshold(Duration fallback) {
		return (this.silentAfterMinutes != null) ? Duration.ofMinutes(this.silentAfterMinutes) : fallback;
	}

	Instant heardAt() {
		return (this.lastSeen != null) ? this.lastSeen : this.knownSince;
	}

}
