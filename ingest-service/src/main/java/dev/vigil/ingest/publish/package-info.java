@NullMarked
package dev.vigil.ingest.publish;

import org.jspecify.annotations.NullMarked;
