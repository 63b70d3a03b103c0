/**
 * The S3 object store (MinIO SDK): presigned reads and deletes.
 */
@NullMarked
package dev.vigil.catalog.storage;

import org.jspecify.annotations.NullMarked;
