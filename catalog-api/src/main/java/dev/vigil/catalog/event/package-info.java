/**
 * Events: uploads of one camera stitched by a gap window, recomputed so that any arrival
 * order converges.
 */
@NullMarked
package dev.vigil.catalog.event;

import org.jspecify.annotations.NullMarked;
