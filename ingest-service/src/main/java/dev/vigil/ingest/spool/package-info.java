@NullMarked
package dev.vigil.ingest.spool;

import org.jspecify.annotations.NullMarked;
