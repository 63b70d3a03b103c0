/**
 * The processing benchmark: processing-service's CPU work (thumbnails, person detection,
 * transcoding) and the detector evaluation on the labelled real footage.
 */
@NullMarked
package dev.vigil.bench.processing;

import org.jspecify.annotations.NullMarked;
