package dev.vigil.notify.delivery;

import java.time.Instant;

/**
 * A system condition that changed: it went bad, or it recovered.
 *
 * @param condition {@code camera-silent}, {@code edge-backlog}, {@code edge-disk},
 * {@code dead-letters} or {@code service-down}
 * @param subject what it is about: a camera, an edge node, a topic, a service
 * @param failing true when it went bad, false when it recovered
 * @param summary one line for a title or subject
 * @param detail what was measured against which threshold
 * @param since when the condition took its current state
 */
public record SystemNotice(String condition, String subject, boolean failing, String summary, String detail,
		Instant since) {

}
