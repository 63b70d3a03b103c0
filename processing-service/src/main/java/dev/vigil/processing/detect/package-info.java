@NullMarked
package dev.vigil.processing.detect;

import org.jspecify.annotations.NullMarked;
