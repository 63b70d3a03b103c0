@NullMarked
package dev.vigil.processing.image;

import org.jspecify.annotations.NullMarked;
