/** Statistics as server-rendered SVG charts. */
@NullMarked
package dev.vigil.ui.stats;

import org.jspecify.annotations.NullMarked;
