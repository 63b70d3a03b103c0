@NullMarked
package dev.vigil.processing.video;

import org.jspecify.annotations.NullMarked;
