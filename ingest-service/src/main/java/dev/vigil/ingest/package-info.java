@NullMarked
package dev.vigil.ingest;

import org.jspecify.annotations.NullMarked;
