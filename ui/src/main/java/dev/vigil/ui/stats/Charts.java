package dev.vigil.ui.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.vigil.ui.catalog.Stats;

/**
 * Geometry of the statistics charts, computed here so the templates only draw rectangles
 * (server-rendered SVG: no chart library, nothing from a CDN, readable without JS).
 */
final class Charts {

	/** The full-width chart's drawing width; its SVG scales down with the page. */
	static final int WIDE = 1160;

	/** The half-width chart's drawing width. */
	static final int NARROW = 560;

	static final int HEIGHT = 240;

	static final int LEFT = 44;

	static final int BOTTOM = 28;

	/** Colour-blind-friendly palette (Okabe–Ito). */
	static final List<String> PALETTE = List.of("#56B4E9", "#E69F00", "#009E73", "#F0E442", "#0072B2", "#D55E00",
			"#CC79A7", "#999999");

	private Charts() {
	}

	/**
	 * Uploads per day, stacked by camera.
	 * @param counts per camera and day
	 * @param from first day shown
	 * @param days days shown
	 * @param names camera names
	 * @return the chart
	 */
	static Chart uploads(List<Stats.DayCount> counts, LocalDate from, int days, Map<String, String> names) {
		Map<String, Integer> colours = new LinkedHashMap<>();
		Map<String, Map<String, Long>> byDay = new TreeMap<>();
		for (Stats.DayCount count : counts) {
			colours.putIfAbsent(count.cameraId(), colours.size() % PALETTE.size());
			byDay.computeIfAbsent(count.day(), (day) -> new LinkedHashMap<>())
				.merge(count.cameraId(), count.uploads(), Long::sum);
		}
		long max = 1;
		for (Map<String, Long> day : byDay.values()) {
			max = Math.max(max, day.values().stream().mapToLong(Long::longValue).sum());
		}
		long top = niceCeiling(max);
		double plotWidth = WIDE - LEFT - 8;
		double plotHeight = HEIGHT - BOTTOM - 12;
		double slot = plotWidth / days;
		double barWidth = Math.max(2, slot * 0.7);
		List<Bar> bars = new ArrayList<>();
		List<Tick> xTicks = new ArrayList<>();
		for (int i = 0; i < days; i++) {
			LocalDate day = from.plusDays(i);
			double x = LEFT + i * slot + (slot - barWidth) / 2;
			double y = 12 + plotHeight;
			Map<String, Long> cameras = byDay.getOrDefault(day.toString(), Map.of());
			for (Map.Entry<String, Long> entry : cameras.entrySet()) {
				double h = plotHeight * entry.getValue() / top;
				y -= h;
				String name = names.getOrDefault(entry.getKey(), entry.getKey());
				bars.add(new Bar(x, y, barWidth, h, PALETTE.get(colours.get(entry.getKey())),
						name + ", " + day + ": " + entry.getValue() + " uploads"));
			}
			if (days <= 14 || i % Math.ceil(days / 10.0) == 0) {
				xTicks.add(new Tick(x + barWidth / 2, HEIGHT - 8, day.getDayOfMonth() + "/" + day.getMonthValue(), 0));
			}
		}
		List<Legend> legend = new ArrayList<>();
		colours.forEach(
				(camera, colour) -> legend.add(new Legend(names.getOrDefault(camera, camera), PALETTE.get(colour))));
		return new Chart(WIDE, HEIGHT, bars, xTicks, yTicks(top, plotHeight, WIDE), legend, counts.isEmpty());
	}

	/**
	 * Person detection confidence in deciles.
	 * @param buckets counts per decile
	 * @return the chart
	 */
	static Chart histogram(List<Stats.Bucket> buckets) {
		long[] counts = new long[10];
		for (Stats.Bucket bucket : buckets) {
			// Person detection is what the thresholds are about; other
			// labels would blur it.
			if (bucket.label() == null || "person".equals(bucket.label())) {
				counts[bucket.index()] += bucket.detections();
			}
		}
		long max = 1;
		for (long count : counts) {
			max = Math.max(max, count);
		}
		long top = niceCeiling(max);
		double plotWidth = NARROW - LEFT - 8;
		double plotHeight = HEIGHT - BOTTOM - 12;
		double slot = plotWidth / 10;
		List<Bar> bars = new ArrayList<>();
		List<Tick> xTicks = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			double h = plotHeight * counts[i] / top;
			double x = LEFT + i * slot + 4;
			bars.add(new Bar(x, 12 + plotHeight - h, slot - 8, h, (i >= 5) ? "#009E73" : "#E69F00",
					(i * 10) + "–" + (i * 10 + 10) + " %: " + counts[i] + " detections"));
			xTicks.add(new Tick(x + (slot - 8) / 2, HEIGHT - 8, (i * 10) + "%", 0));
		}
		return new Chart(NARROW, HEIGHT, bars, xTicks, yTicks(top, plotHeight, NARROW), List.of(), buckets.isEmpty());
	}

	/**
	 * Storage per camera, as horizontal bars.
	 * @param storage bytes per camera
	 * @param names camera names
	 * @return one row per camera, widest first
	 */
	static List<Row> storage(List<Stats.Storage> storage, Map<String, String> names) {
		long max = storage.stream().mapToLong(Stats.Storage::bytes).max().orElse(1);
		List<Row> rows = new ArrayList<>();
		storage.stream()
			.sorted((a, b) -> Long.compare(b.bytes(), a.bytes()))
			.forEach((entry) -> rows.add(new Row(names.getOrDefault(entry.cameraId(), entry.cameraId()), entry.bytes(),
					entry.media(), Math.max(0.5, 100.0 * entry.bytes() / Math.max(max, 1)))));
		return rows;
	}

	private static List<Tick> yTicks(long top, double plotHeight, int width) {
		List<Tick> ticks = new ArrayList<>();
		for (int i = 0; i <= 4; i++) {
			long value = top * i / 4;
			ticks.add(new Tick(LEFT - 6, 12 + plotHeight - plotHeight * i / 4, String.valueOf(value), width - 8));
		}
		return ticks;
	}

	static long niceCeiling(long max) {
		long magnitude = 1;
		while (magnitude * 10 <= max) {
			magnitude *= 10;
		}
		for (long step : new long[] { 1, 2, 4, 5, 10 }) {
			if (step * magnitude >= max) {
				return Math.max(4, step * magnitude);
			}
		}
		return 10 * magnitude;
	}

	/**
	 * A chart ready to draw.
	 *
	 * @param width drawing width (the SVG viewBox)
	 * @param height drawing height
	 * @param bars rectangles
	 * @param xTicks labels under the bars
	 * @param yTicks labels of the value axis
	 * @param legend colour legend
	 * @param empty whether there is nothing to show
	 */
	record Chart(int width, int height, List<Bar> bars, List<Tick> xTicks, List<Tick> yTicks, List<Legend> legend,
			boolean empty) {

	}

	/**
	 * One rectangle.
	 *
	 * @param x left
	 * @param y top
	 * @param width width
	 * @param height height
	 * @param colour fill
	 * @param title tooltip and accessible text
	 */
	record Bar(double x, double y, double width, double height, String colour, String title) {

	}

	/**
	 * An axis label.
	 *
	 * @param x position
	 * @param y position
	 * @param text label
	 * @param lineEnd where a grid line from this tick ends (value axis only)
	 */
	record Tick(double x, double y, String text, double lineEnd) {

	}

	/**
	 * A legend entry.
	 *
	 * @param name camera
	 * @param colour its colour
	 */
	record Legend(String name, String colour) {

	}

	/**
	 * A storage row.
	 *
	 * @param camera camera name
	 * @param bytes bytes stored
	 * @param count media items
	 * @param percent bar length relative to the largest camera
	 */
	record Row(String camera, long bytes, long count, double percent) {

	}

}
