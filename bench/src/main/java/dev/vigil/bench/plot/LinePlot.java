package dev.vigil.bench.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line plot of one or more series as a self-contained SVG document: axes with
 * round-numbered ticks (linear, or decades for a logarithmic x axis), a legend, and
 * markers on series with few points. Enough for benchmark figures; no dependencies.
 *
 * @param title heading above the plot
 * @param xLabel x axis label
 * @param yLabel y axis label
 * @param logX whether the x axis is logarithmic (values must then be positive)
 * @param series the lines, drawn in order
 */
public record LinePlot(String title, String xLabel, String yLabel, boolean logX, List<Series> series) {

	private static final String[] COLORS = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b" };

	private static final int WIDTH = 720;

	private static final int HEIGHT = 420;

	private static final int LEFT = 70;

	private static final int RIGHT = 180;

	private static final int TOP = 40;

	private static final int BOTTOM = 50;

	private static final int MARKER_LIMIT = 30;

	public LinePlot {
		series = List.copyOf(series);
		if (series.isEmpty() || series.stream().allMatch((s) -> s.points().isEmpty())) {
			throw new IllegalArgumentException("A plot needs at least one point");
		}
		if (logX && series.stream().flatMap((s) -> s.points().stream()).anyMatch((p) -> p.x() <= 0)) {
			throw new IllegalArgumentException("A logarithmic x axis needs positive x values");
		}
	}

	/**
	 * Writes the SVG document.
	 * @param file where
	 * @throws IOException if it cannot be written
	 */
	public void write(Path file) throws IOException {
		Files.writeString(file, toSvg());
	}

	/**
	 * The SVG document.
	 * @return the text
	 */
	public String toSvg() {
		List<Point> all = this.series.stream().flatMap((s) -> s.points().stream()).toList();
		double minX = all.stream().mapToDouble(Point::x).min().orElseThrow();
		double maxX = all.stream().mapToDouble(Point::x).max().orElseThrow();
		double maxY = all.stream().mapToDouble(Point::y).max().orElseThrow();
		double minY = Math.min(0, all.stream().mapToDouble(Point::y).min().orElseThrow());
		List<Double> xTicks = this.logX ? decades(minX, maxX) : niceTicks(Math.min(0, minX), maxX);
		List<Double> yTicks = niceTicks(minY, maxY);
		Axis x = new Axis(xTicks.getFirst(), xTicks.getLast(), LEFT, WIDTH - RIGHT, this.logX);
		Axis y = new Axis(yTicks.getFirst(), yTicks.getLast(), HEIGHT - BOTTOM, TOP, false);

		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
						+ "font-family=\"sans-serif\" font-size=\"12\">%n",
				WIDTH, HEIGHT, WIDTH, HEIGHT));
		svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
		svg.append(String.format(Locale.ROOT,
				"<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n", LEFT, escape(this.title)));
		for (double tick : xTicks) {
			double px = x.map(tick);
			svg.append(line(px, HEIGHT - BOTTOM, px, TOP, "#e6e6e6"));
			svg.append(text(px, HEIGHT - BOTTOM + 16, "middle", label(tick)));
		}
		for (double tick : yTicks) {
			double py = y.map(tick);
			svg.append(line(LEFT, py, WIDTH - RIGHT, py, "#e6e6e6"));
			svg.append(text(LEFT - 6, py + 4, "end", label(tick)));
		}
		svg.append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "black"));
		svg.append(line(LEFT, HEIGHT - BOTTOM, LEFT, TOP, "black"));
		svg.append(text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 12, "middle", this.xLabel));
		svg.append(String.format(Locale.ROOT,
				"<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 16 %.1f)\">%s</text>%n",
				(TOP + HEIGHT - BOTTOM) / 2.0, (TOP + HEIGHT - BOTTOM) / 2.0, escape(this.yLabel)));
		for (int i = 0; i < this.series.size(); i++) {
			Series line = this.series.get(i);
			String color = COLORS[i % COLORS.length];
			List<String> coordinates = new ArrayList<>();
			for (Point point : line.points()) {
				coordinates.add(String.format(Locale.ROOT, "%.1f,%.1f", x.map(point.x()), y.map(point.y())));
			}
			svg.append(String.format(Locale.ROOT,
					"<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"><title>%s</title></polyline>%n",
					color, String.join(" ", coordinates), escape(line.name())));
			if (line.points().size() <= MARKER_LIMIT) {
				for (String coordinate : coordinates) {
					String[] xy = coordinate.split(",");
					svg.append(String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"3\" fill=\"%s\"/>%n", xy[0],
							xy[1], color));
				}
			}
			double legendY = TOP + 10 + i * 20;
			svg.append(line(WIDTH - RIGHT + 15, legendY, WIDTH - RIGHT + 40, legendY, color));
			svg.append(text(WIDTH - RIGHT + 46, legendY + 4, "start", line.name()));
		}
		svg.append("</svg>\n");
		return svg.toString();
	}

	/**
	 * Round-numbered ticks covering a range: steps of 1, 2 or 5 times a power of ten,
	 * about five of them.
	 * @param min lowest value to cover
	 * @param max highest value to cover
	 * @return ticks from at or below {@code min} to at or above {@code max}
	 */
	static List<Double> niceTicks(double min, double max) {
		if (max <= min) {
			max = min + (min == 0 ? 1 : Math.abs(min));
		}
		double rough = (max - min) / 5;
		double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
		double step = magnitude
				* ((rough / magnitude <= 1) ? 1 : (rough / magnitude <= 2) ? 2 : (rough / magnitude <= 5) ? 5 : 10);
		List<Double> ticks = new ArrayList<>();
		long first = (long) Math.floor(min / step + 1e-9);
		long last = (long) Math.ceil(max / step - 1e-9);
		for (long i = first; i <= last && ticks.size() < 50; i++) {
			ticks.add(i * step);
		}
		return ticks;
	}

	/**
	 * Powers of ten covering a positive range.
	 * @param min lowest value, positive
	 * @param max highest value
	 * @return decades from at or below {@code min} to at or above {@code max}
	 */
	static List<Double> decades(double min, double max) {
		int from = (int) Math.floor(Math.log10(min));
		int to = Math.max(from + 1, (int) Math.ceil(Math.log10(max)));
		List<Double> ticks = new ArrayList<>();
		for (int power = from; power <= to && ticks.size() < 30; power++) {
			ticks.add(Math.pow(10, power));
		}
		return ticks;
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static String label(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e9) {
			return Long.toString((long) value);
		}
		String text = String.format(Locale.ROOT, "%.3f", value);
		return text.replaceAll("0+$", "").replaceAll("\\.$", "");
	}

	private static String line(double x1, double y1, double x2, double y2, String color) {
		return String.format(Locale.ROOT,
				"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1\"/>%n", x1, y1,
				x2, y2, color);
	}

	private static String text(double x, double y, String anchor, String content) {
		return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n", x, y, anchor,
				escape(content));
	}

	/**
	 * One line of the plot.
	 *
	 * @param name legend text
	 * @param points the points, drawn in this order
	 */
	public record Series(String name, List<Point> points) {

		public Series {
			points = List.copyOf(points);
		}

	}

	/**
	 * A data point.
	 *
	 * @param x x value
	 * @param y y value
	 */
	public record Point(double x, double y) {

	}

	/** Maps values of one axis to pixels. */
	private record Axis(double min, double max, double from, double to, boolean log) {

		double map(double value) {
			double low = this.log ? Math.log10(this.min) : this.min;
			double high = this.log ? Math.log10(this.max) : this.max;
			double v = this.log ? Math.log10(value) : value;
			return this.from + (v - low) / (high - low) * (this.to - this.from);
		}

	}

}
