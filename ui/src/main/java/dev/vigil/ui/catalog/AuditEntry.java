package dev.vigil.ui.catalog;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One audited action.
 *
 * @param id id
 * @param at when
 * @param actor who
 * @param action what, e.g. {@code media.deleted}
 * @param target what it was done to
 * @param details anything else
 */
public record AuditEntry(String id, Instant at, String actor, String action, @Nullable String target,
		Map<String, Object> details) {

	public AuditEntry {
		// Values may be JSON nulls, which Map.copyOf refuses.
		details = (details != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(details)) : Map.of();
	}

}
