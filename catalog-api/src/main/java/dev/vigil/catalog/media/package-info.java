/**
 * Media items: upserted from both wire events in any order, queried with cursors, served
 * as presigned URLs.
 */
@NullMarked
package dev.vigil.catalog.media;

import org.jspecify.annotations.NullMarked;
