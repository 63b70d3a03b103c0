package dev.vigil.catalog.stats;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.catalog.camera.CameraRegistry;
import dev.vigil.catalog.security.CameraScope;
import dev.vigil.catalog.security.CurrentCaller;
import dev.vigil.catalog.web.ApiException;
import dev.vigil.catalog.web.Ids;
import dev.vigil.catalog.web.TimeRange;

/**
 * Aggregates over the catalog ({@link MediaStatistics}), always within the caller's
 * camera scope.
 */
@RestController
@RequestMapping("/api/v1/stats")
@Tag(name = "Statistics", description = "Uploads per camera per day, detection confidence histogram, storage")
class StatsController {

	private final MediaStatistics statistics;

	private final CurrentCaller caller;

	private final CameraRegistry cameras;

	StatsController(MediaStatistics statistics, CurrentCaller caller, CameraRegistry cameras) {
		this.statistics = statistics;
		this.caller = caller;
		this.cameras = cameras;
	}

	@GetMapping
	@Operation(summary = "Statistics over media captured in [from, to)",
			description = "Days are UTC. The histogram has ten buckets per label: bucket 7 holds confidences in [0.7, 0.8).")
	Stats stats(
			@Parameter(example = "driveway") @RequestParam(required = false) @Pattern(
					regexp = Ids.CAMERA) @Nullable String camera,
			@Parameter(example = "2016-08-01T00:00:00Z") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to) {
		TimeRange range = new TimeRange(from, to);
		CameraScope scope = this.caller.scope();
		if (camera != null) {
			scope.check(camera);
			if (!this.cameras.exists(camera)) {
				throw ApiException.notFound("camera", camera);
			}
		}
		return this.statistics.compute(scope, camera, range);
	}

}
