@NullMarked
package dev.vigil.ingest.intake;

import org.jspecify.annotations.NullMarked;
