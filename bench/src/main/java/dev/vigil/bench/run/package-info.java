/**
 * {@code ./vigil bench}: the benchmark runner and what every benchmark gets.
 */
@NullMarked
package dev.vigil.bench.run;

import org.jspecify.annotations.NullMarked;
