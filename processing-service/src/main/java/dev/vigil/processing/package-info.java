@NullMarked
package dev.vigil.processing;

import org.jspecify.annotations.NullMarked;
