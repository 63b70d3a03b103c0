/**
 * Reviewing events like an NVR: the review page (alerts apart from plain motion,
 * reviewed/unreviewed, search across days, cameras and labels), mark reviewed, mark all
 * reviewed up to now, next unreviewed, and the unreviewed count in the menu.
 */
@NullMarked
package dev.vigil.ui.review;

import org.jspecify.annotations.NullMarked;
