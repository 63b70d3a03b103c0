/**
 * Small, dependency-free SVG plots that benchmarks write next to
 * {@code docs/benchmarks.md}.
 */
@NullMarked
package dev.vigil.bench.plot;

import org.jspecify.annotations.NullMarked;
