/**
 * Per-user review state of events, like an NVR's "reviewed" flag: which events a person
 * has looked at, "mark all reviewed up to now", the next unreviewed event, and the split
 * of events into alerts (an alert-worthy label was detected) and plain motion.
 */
@NullMarked
package dev.vigil.catalog.review;

import org.jspecify.annotations.NullMarked;
