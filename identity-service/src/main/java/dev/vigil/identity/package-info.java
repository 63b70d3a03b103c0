@NullMarked
package dev.vigil.identity;

import org.jspecify.annotations.NullMarked;
