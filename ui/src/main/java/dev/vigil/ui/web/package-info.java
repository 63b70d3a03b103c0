/** Shared web concerns: layout model, time zones, theme, error pages. */
@NullMarked
package dev.vigil.ui.web;

import org.jspecify.annotations.NullMarked;
