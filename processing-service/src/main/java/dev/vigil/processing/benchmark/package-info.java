/**
 * Throughput of the processing steps on the machine it runs on (see
 * {@link ProcessingBenchmark}).
 */
@NullMarked
package dev.vigil.processing.benchmark;

import org.jspecify.annotations.NullMarked;
