@NullMarked
package dev.vigil.catalog;

import org.jspecify.annotations.NullMarked;
