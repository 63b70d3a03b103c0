/**
 * Spring Cloud Stream consumers of the media records ({@code media.uploaded},
 * {@code media.processed}): read by the contracts' {@code EventCodec}, handed to the
 * media indexer, with bounded retries and dead letters. Named "consume", not "ingest":
 * ingesting uploads is the edge's job (ingest-service).
 */
@NullMarked
package dev.vigil.catalog.consume;

import org.jspecify.annotations.NullMarked;
