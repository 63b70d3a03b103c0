/**
 * Starts Vigil's services from their built jars as child processes on free ports, for the
 * benchmarks, the fault suite and end-to-end tests.
 */
@NullMarked
package dev.vigil.bench.platform;

import org.jspecify.annotations.NullMarked;
