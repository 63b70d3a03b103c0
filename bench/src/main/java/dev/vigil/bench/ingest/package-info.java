/**
 * {@code ./vigil bench ingest}: upload throughput of the edge (spool only, and spool with
 * live publishing) against vsftpd and the physical limits, measured in one run.
 */
@NullMarked
package dev.vigil.bench.ingest;

import org.jspecify.annotations.NullMarked;
