package dev.vigil.catalog.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.catalog.camera.CameraDocument;
import dev.vigil.catalog.camera.CameraProperties;
import dev.vigil.catalog.camera.CameraRegistry;
import dev.vigil.catalog.security.CurrentCaller;
import dev.vigil.catalog.web.ApiException;
import dev.vigil.catalog.web.Ids;

/**
 * A camera's health from its arrival statistics: last upload, uploads today and this
 * hour, and whether it fell silent. Lives with the statistics it is computed from; the
 * camera settings it reads come from {@link CameraRegistry}.
 */
@RestController
@RequestMapping("/api/v1/cameras")
@Tag(name = "Cameras", description = "Cameras register themselves with their first upload")
class CameraHealthController {

	private final CameraRegistry registry;

	private final CurrentCaller caller;

	private final CameraActivity activity;

	private final CameraProperties properties;

	private final Clock clock = Clock.systemUTC();

	CameraHealthController(CameraRegistry registry, CurrentCaller caller, CameraActivity activity,
			CameraProperties properties) {
		this.registry = registry;
		this.caller = caller;
		this.activity = activity;
		this.properties = properties;
	}

	@GetMapping("/{id}/health")
	@Operation(summary = "Last upload, uploads today and this hour, and whether the camera is silent")
	CameraHealth health(@PathVariable @Pattern(regexp = Ids.CAMERA) String id) {
		this.caller.scope().check(id);
		CameraDocument camera = this.registry.find(id).orElseThrow(() -> ApiException.notFound("camera", id));
		Instant now = this.clock.instant();
		CameraActivity.Snapshot snapshot = this.activity.snapshot(id, now);
		Instant lastSeen = (snapshot.lastSeen() != null) ? snapshot.lastSeen() : camera.lastUploadAt();
		Duration silentAfter = (camera.silentAfterMinutes() != null) ? Duration.ofMinutes(camera.silentAfterMinutes())
				: this.properties.silentAfter();
		boolean silent = lastSeen == null || Duration.between(lastSeen, now).compareTo(silentAfter) > 0;
		return new CameraHealth(id, lastSeen, silent, silentAfter, snapshot.uploadsToday(), snapshot.uploadsThisHour(),
				snapshot.meanInterval());
	}

	/**
	 * Health of one camera.
	 *
	 * @param cameraId camera
	 * @param lastSeen latest upload received
	 * @param silent whether nothing arrived for longer than {@code silentAfter}
	 * @param silentAfter the threshold used
	 * @param uploadsToday uploads this UTC day
	 * @param uploadsThisHour uploads this UTC hour
	 * @param meanInterval moving average of the time between uploads
	 */
	record CameraHealth(String cameraId, @Nullable Instant lastSeen, boolean silent, Duration silentAfter,
			long uploadsToday, long uploadsThisHour, @Nullable Duration meanInterval) {

	}

}
