@NullMarked
package dev.vigil.ui;

import org.jspecify.annotations.NullMarked;
