/**
 * System alerts: silent cameras (from {@code media.uploaded} and the thresholds in
 * {@code camera.config}), edge spool backlog and disk (from {@code edge.heartbeat}), dead
 * letters growing (end offsets of the {@code *.dlq} topics) and services down (their
 * health endpoints). Each condition alerts once when it goes bad and once when it
 * recovers.
 */
@NullMarked
package dev.vigil.notify.system;

import org.jspecify.annotations.NullMarked;
