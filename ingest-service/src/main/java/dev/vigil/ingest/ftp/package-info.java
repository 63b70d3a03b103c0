@NullMarked
package dev.vigil.ingest.ftp;

import org.jspecify.annotations.NullMarked;
