package dev.vigil.processing.detect.eval;

/**
 * An axis-aligned box in pixels.
 *
 * @param x left
 * @param y top
 * @param width width
 * @param height height
 */
record Box(double x, double y, double width, double height) {

	static Box parse(String text) {
		String[] parts = text.strip().split("\\s+");
		if (parts.length != 4) {
			throw new IllegalArgumentException("A box is 'x y width height': " + text);
		}
		Box box = new Box(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
				Double.parseDouble(parts[3]));
		if (box.width <= 0 || box.height <= 0) {
			throw new IllegalArgumentException("A box needs a positive size: " + text);
		}
		return box;
	}

	double area() {
		return this.width * this.height;
	}

	double intersection(Box other) {
		double w = Math.min(this.x + this.width, other.x + other.width) - Math.max(this.x, other.x);
		double h = Math.min(this.y + this.height, other.y + other.height) - Math.max(this.y, other.y);
		return (w > 0 && h > 0) ? w * h : 0;
	}

	double iou(Box other) {
		double overlap = intersection(other);
		return (overlap == 0) ? 0 : overlap / (area() + other.area() - overlap);
	}

	Box scaled(double factor) {
		return new Box(this.x * factor, this.y * factor, this.width * factor, this.height * factor);
	}

	/**
	 * This box clipped to {@code [left, right)} and shifted so that {@code left} is 0.
	 */
	Box cropped(double left, double right) {
		double x0 = Math.max(this.x, left);
		double x1 = Math.min(this.x + this.width, right);
		return new Box(x0 - left, this.y, Math.max(0, x1 - x0), this.height);
	}

}
