/**
 * Rules: which events become alerts on which channels (cameras, labels, minimum
 * confidence, armed schedule per weekday, quiet hours, cooldown per camera).
 */
@NullMarked
package dev.vigil.notify.rule;

import org.jspecify.annotations.NullMarked;
