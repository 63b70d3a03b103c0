/**
 * {@code ./vigil bench e2e}: latency from a camera's upload to a processed, searchable
 * media item, stage by stage, and the highest rate the whole pipeline sustains.
 */
@NullMarked
package dev.vigil.bench.e2e;

import org.jspecify.annotations.NullMarked;
