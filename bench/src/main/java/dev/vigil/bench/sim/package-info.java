/**
 * A camera simulator: N cameras uploading bursts of real media over FTP the way IP camera
 * firmware does. Used by the benchmarks, the fault suite, {@code ./vigil demo} and tests.
 */
@NullMarked
package dev.vigil.bench.sim;

import org.jspecify.annotations.NullMarked;
