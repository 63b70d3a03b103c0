/**
 * Per-camera counters in Redis with the camera health built on them, and aggregate
 * statistics from MongoDB.
 */
@NullMarked
package dev.vigil.catalog.stats;

import org.jspecify.annotations.NullMarked;
