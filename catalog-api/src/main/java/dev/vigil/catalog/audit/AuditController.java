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

import dev.vigil.catalog.web.Cursor;
import dev.vigil.catalog.web.Page;
import dev.vigil.catalog.web.TimeRange;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "Append-only log of deletions, legal holds, edits and retention runs (admin)")
class AuditController {

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping
	@Operation(summary = "List audit entries, newest first")
	Page<AuditEntry> list(
			@Parameter(example = "media.deleted") @RequestParam(required = false) @Pattern(
					regexp = "[a-z][a-z.-]{0,63}") @Nullable String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
		return this.audit.find(action, new TimeRange(from, to), Cursor.decode(cursor), limit);
	}

}
