/**
 * {@code ./vigil demo}: real sample media uploaded by simulated cameras through a running
 * edge, so that a new user sees the whole pipeline.
 */
@NullMarked
package dev.vigil.bench.demo;

import org.jspecify.annotations.NullMarked;
