package dev.vigil.processing.detect;

import java.util.ArrayList;
import java.util.List;

import dev.vigil.contracts.CameraDetection;

/**
 * A polygon in fractions of the frame, so one zone fits every resolution a camera
 * delivers (stills, clips, thumbnails).
 */
record Zone(double[] xs, double[] ys) {

	/**
	 * Parses {@code "x,y x,y x,y ..."} with coordinates between 0 and 1.
	 * @param text the polygon
	 * @return the zone
	 * @throws IllegalArgumentException with a message naming the problem
	 */
	static Zone parse(String text) {
		List<double[]> points = new ArrayList<>();
		for (String pair : text.trim().split("\\s+")) {
			String[] xy = pair.split(",");
			if (xy.length != 2) {
				throw new IllegalArgumentException("Zone point '" + pair + "' is not 'x,y'");
			}
			double x = Double.parseDouble(xy[0]);
			double y = Double.parseDouble(xy[1]);
			if (x < 0 || x > 1 || y < 0 || y > 1) {
				throw new IllegalArgumentException("Zone point '" + pair + "' is outside 0..1");
			}
			points.add(new double[] { x, y });
		}
		if (points.size() < 3) {
			throw new IllegalArgumentException("Zone '" + text + "' needs at least 3 points");
		}
		double[] xs = new double[points.size()];
		double[] ys = new double[points.size()];
		for (int i = 0; i < points.size(); i++) {
			xs[i] = points.get(i)[0];
			ys[i] = points.get(i)[1];
		}
		return new Zone(xs, ys);
	}

	/**
	 * A zone as the platform sends it (checked by the contract).
	 * @param zone the polygon
	 * @return the zone
	 */
	static Zone of(CameraDetection.Zone zone) {
		double[] xs = zone.points().stream().mapToDouble(CameraDetection.Point::x).toArray();
		double[] ys = zone.points().stream().mapToDouble(CameraDetection.Point::y).toArray();
		return new Zone(xs, ys);
	}

	/**
	 * Ray casting point-in-polygon test.
	 */
	boolean contains(double x, double y) {
		boolean inside = false;
		for (int i = 0, j = this.xs.length - 1; i < this.xs.length; j = i++) {
			if ((this.ys[i] > y) != (this.ys[j] > y)
					&& x < (this.xs[j] - this.xs[i]) * (y - this.ys[i]) / (this.ys[j] - this.ys[i]) + this.xs[i]) {
				inside = !inside;
			}
		}
		return inside;
	}

}
