/** One event: its media, player, detection overlay, feedback; media content relay. */
@NullMarked
package dev.vigil.ui.event;

import org.jspecify.annotations.NullMarked;
