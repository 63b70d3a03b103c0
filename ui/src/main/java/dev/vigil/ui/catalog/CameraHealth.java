package dev.vigil.ui.catalog;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.jspecify.annotations.Nullable;

/**
 * A camera's health.
 *
 * @param cameraId camera
 * @param lastSeen latest upload received
 * @param silent whether it has been quiet for longer than its silent window
 * @param uploadsToday uploads since midnight
 */
public record CameraHealth(@Nullable String cameraId, @JsonAlias( {
		"lastUploadAt", "lastSeenAt" }) @Nullable Instant lastSeen, boolean silent,
		@JsonAlias("today") long uploadsToday){

}
