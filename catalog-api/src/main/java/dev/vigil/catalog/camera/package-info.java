/**
 * Cameras: registered on their first upload, editable by admins, their settings published
 * to the edges. Their health, computed from arrival statistics, is in {@code stats}.
 */
@NullMarked
package dev.vigil.catalog.camera;

import org.jspecify.annotations.NullMarked;
