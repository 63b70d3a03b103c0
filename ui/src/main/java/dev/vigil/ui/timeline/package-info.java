/** Today's events across cameras, filters, cursor paging, new-since-last-visit marker. */
@NullMarked
package dev.vigil.ui.timeline;

import org.jspecify.annotations.NullMarked;
