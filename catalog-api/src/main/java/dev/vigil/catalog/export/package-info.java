/**
 * Export: one event as a zip of its originals, renditions and a JSON/CSV of times and
 * detections, streamed from the object store.
 */
@NullMarked
package dev.vigil.catalog.export;

import org.jspecify.annotations.NullMarked;
