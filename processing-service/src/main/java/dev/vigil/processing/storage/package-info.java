/**
 * The object store (MinIO or any S3): originals are read from it, derived media and the
 * processing marker are written to it.
 */
@NullMarked
package dev.vigil.processing.storage;

import org.jspecify.annotations.NullMarked;
