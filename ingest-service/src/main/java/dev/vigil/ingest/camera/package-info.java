@NullMarked
package dev.vigil.ingest.camera;

import org.jspecify.annotations.NullMarked;
