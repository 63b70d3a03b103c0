/**
 * Cameras: registered on their first upload, editable by admins, with health from Redis
 * arrival stats.
 */
@NullMarked
package dev.vigil.catalog.camera;

import org.jspecify.annotations.NullMarked;
