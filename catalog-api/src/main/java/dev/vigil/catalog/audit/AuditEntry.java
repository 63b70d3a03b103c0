package dev.vigil.catalog.audit;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One audited action. Entries are only ever inserted.
 *
 * @param id unique id
 * @param at when
 * @param actor token subject, or {@code retention} for the scheduled job
 * @param action e.g. {@code media.deleted}
 * @param target what it was done to, e.g. a media id
 * @param details anything else worth keeping
 */
@Document("audit")
public record AuditEntry(@Id String id, Instant at, String actor, String action, String target,
		Map<String, Object> details) {

}
