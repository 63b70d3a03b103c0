/**
 * Counters in Redis and aggregate statistics from MongoDB.
 */
@NullMarked
package dev.vigil.catalog.stats;

import org.jspecify.annotations.NullMarked;
