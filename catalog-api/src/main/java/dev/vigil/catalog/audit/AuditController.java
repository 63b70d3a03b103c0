package dev.vigil.catalog.audit;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.catalog.security.CurrentCaller;
import dev.vigil.catalog.web.ApiException;
import dev.vigil.catalog.web.Cursor;
import dev.vigil.catalog.web.Page;
import dev.vigil.catalog.web.TimeRange;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "Append-only log of deletions, legal holds, edits and retention runs (admin)")
class AuditController {

	private final AuditLog audit;

	private final CurrentCaller caller;

	AuditController(AuditLog audit, CurrentCaller caller) {
		this.audit = audit;
		this.caller = caller;
	}

	@GetMapping
	@Operation(summary = "List audit entries, newest first",
			description = "For admins of every camera only: the log spans all cameras (retention runs, event "
					+ "holds, camera edits), so a token whose cameras claim limits it gets 403 camera-forbidden.")
	Page<AuditEntry> list(
			@Parameter(example = "media.deleted") @RequestParam(required = false) @Pattern(
					regexp = "[a-z][a-z.-]{0,63}") @Nullable String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
		if (!this.caller.scope().all()) {
			// Camera-scoped admins would otherwise read other cameras' deletions and
			// holds (#15); entries are not all about one camera, so none are shown.
			throw new ApiException(org.springframework.http.HttpStatus.FORBIDDEN, "camera-forbidden",
					"Audit log needs every camera", "The audit log spans all cameras; this token is limited to "
							+ this.caller.scope().cameras().size() + " camera(s)");
		}
		return this.audit.find(action, new TimeRange(from, to), Cursor.decode(cursor), limit);
	}

}
