/** One camera: its day by hour and its health. */
@NullMarked
package dev.vigil.ui.camera;

import org.jspecify.annotations.NullMarked;
