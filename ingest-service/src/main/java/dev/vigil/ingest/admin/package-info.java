@NullMarked
package dev.vigil.ingest.admin;

import org.jspecify.annotations.NullMarked;
