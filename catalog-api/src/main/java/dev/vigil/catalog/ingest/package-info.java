/**
 * Spring Cloud Stream consumers of the wire events, with schema checks, bounded retries
 * and dead letters.
 */
@NullMarked
package dev.vigil.catalog.ingest;

import org.jspecify.annotations.NullMarked;
