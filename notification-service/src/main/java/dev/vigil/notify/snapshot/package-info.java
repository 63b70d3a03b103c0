/**
 * Snapshots: the JPEG thumbnails the catalog names, read from the object store.
 */
@NullMarked
package dev.vigil.notify.snapshot;

import org.jspecify.annotations.NullMarked;
