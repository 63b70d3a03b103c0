/**
 * Per-camera storage quota: what one camera holds on this edge node (its home, its
 * quarantine and its items waiting in the spool) against its limit, and the bytes outside
 * the spool that count toward the spool's high-water mark.
 */
@NullMarked
package dev.vigil.ingest.quota;

import org.jspecify.annotations.NullMarked;
