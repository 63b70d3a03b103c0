package dev.vigil.catalog.retention;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.catalog.security.CurrentCaller;
import dev.vigil.catalog.web.ApiException;

@RestController
@Tag(name = "Retention", description = "Age and size limits per camera and kind, applied by a scheduled job")
class RetentionController {

	private final RetentionJob job;

	private final CurrentCaller caller;

	RetentionController(RetentionJob job, CurrentCaller caller) {
		this.job = job;
		this.caller = caller;
	}

	@PostMapping("/api/v1/retention/run")
	@Operation(summary = "Run retention now (admin)", description = "409 while a run is in progress anywhere.")
	RetentionJob.Report run() {
		RetentionJob.Report report = this.job.run(this.caller.name());
		if (report == null) {
			throw new ApiException(HttpStatus.CONFLICT, "retention-running", "Retention is running",
					"Another retention run is in progress");
		}
		return report;
	}

}
