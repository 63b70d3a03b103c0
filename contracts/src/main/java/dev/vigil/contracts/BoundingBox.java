package dev.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A rectangle in pixels of the orientation-corrected image (or video frame), origin top
 * left.
 *
 * @param x left edge
 * @param y top edge
 * @param width width, positive
 * @param height height, positive
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BoundingBox(Integer x, Integer y, Integer width, Integer height) {

	public BoundingBox {
		Require.present(x, "box.x");
		Require.present(y, "box.y");
		Require.present(width, "box.width");
		Require.present(height, "box.height");
		if (x < 0 || y < 0) {
			throw new InvalidEventException("box", "must not start at negative coordinates");
		}
		if (width <= 0 || height <= 0) {
			throw new InvalidEventException("box", "must have a positive width and height");
		}
	}

}
