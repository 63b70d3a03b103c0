@NullMarked
package dev.vigil.identity.keys;

import org.jspecify.annotations.NullMarked;
