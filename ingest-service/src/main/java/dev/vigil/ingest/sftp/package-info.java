@NullMarked
package dev.vigil.ingest.sftp;

import org.jspecify.annotations.NullMarked;
