/** Live uploads: the catalog's SSE stream relayed with the user's token. */
@NullMarked
package dev.vigil.ui.live;

import org.jspecify.annotations.NullMarked;
