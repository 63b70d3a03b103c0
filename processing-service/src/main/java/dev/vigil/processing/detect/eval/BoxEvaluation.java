package dev.vigil.processing.detect.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import java.awt.image.BufferedImage;

import dev.vigil.contracts.Detection;
import dev.vigil.processing.detect.CocoLabels;
import dev.vigil.processing.detect.Detector;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Runs detectors over the box-labelled set ({@code eval/people-boxes.csv}) and every
 * variant of its pictures ({@link Variant}), and writes a markdown report: for each
 * detector the confidence threshold with the best F1 on the tune half, then precision and
 * recall on the report half (boxes matched at IoU 0.5, see {@link BoxMatching}) side by
 * side, per variant, and the confidence histogram of hits and false alarms.
 *
 * <pre>
 * java -cp ... dev.vigil.processing.detect.eval.BoxEvaluation [--labels FILE] \
 *     [--media DIR] [--detector hog,nanodet] [--model-dir DIR] [--out FILE]
 * </pre>
 */
public final class BoxEvaluation {

	static final double MIN_IOU = 0.5;

	/** A looser match, for detectors whose boxes hold a margin around the person. */
	static final double LOOSE_IOU = 0.3;

	private static final double[] TABLE = { 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8 };

	private BoxEvaluation() {
	}

	public static void main(String[] args) throws Exception {
		avutil.av_log_set_level(avutil.AV_LOG_ERROR);
		Map<String, String> options = DetectorEvaluation.options(args);
		Path labels = Path
			.of(options.getOrDefault("labels", "processing-service/src/test/resources/eval/people-boxes.csv"));
		Path media = Path.of(options.getOrDefault("media", ".vigil/media"));
		List<Variant.Sample> samples = samples(LabelledPicture.read(labels), media);
		Map<String, List<Run>> runs = new LinkedHashMap<>();
		Map<String, Double> cpuMs = new LinkedHashMap<>();
		for (String kind : options.getOrDefault("detector", "hog,nanodet").split(",")) {
			Detector detector = DetectorEvaluation.detector(kind.strip(), options);
			String name = detector.name();
			// Warm-up (JIT, native libraries, TensorFlow's first run), not counted.
			detector.detect(samples.get(0).image());
			long cpu = DetectorEvaluation.cpuNanos();
			List<Run> list = new ArrayList<>();
			for (Variant.Sample sample : samples) {
				List<BoxMatching.Found> found = detector.detect(sample.image())
					.stream()
					.filter((d) -> CocoLabels.PERSON.equals(d.label()))
					.map(BoxEvaluation::found)
					.toList();
				list.add(new Run(sample, found));
			}
			cpuMs.put(name + " " + detector.version(), (DetectorEvaluation.cpuNanos() - cpu) / 1e6 / samples.size());
			runs.put(name, list);
		}
		String report = report(samples, runs, cpuMs);
		if (options.containsKey("out")) {
			Files.writeString(Path.of(options.get("out")), report, StandardCharsets.UTF_8);
		}
		System.out.print(report);
	}

	static List<Variant.Sample> samples(List<LabelledPicture> pictures, Path media) throws IOException {
		Map<String, BufferedImage> frames = frames(pictures, media);
		List<Variant.Sample> samples = new ArrayList<>();
		for (LabelledPicture picture : pictures) {
			BufferedImage image = (picture.frame() != null) ? frames.get(picture.id())
					: DetectorEvaluation.load(media.resolve(picture.media()), null);
			for (Variant variant : Variant.of(picture)) {
				samples.add(variant.apply(picture, image));
			}
		}
		return samples;
	}

	/** The labelled frames of every clip, each clip decoded once. */
	private static Map<String, BufferedImage> frames(List<LabelledPicture> pictures, Path media) throws IOException {
		Map<String, java.util.Set<Integer>> wanted = new LinkedHashMap<>();
		pictures.stream()
			.filter((p) -> p.frame() != null)
			.forEach((p) -> wanted.computeIfAbsent(p.media(), (m) -> new java.util.HashSet<>()).add(p.frame()));
		Map<String, BufferedImage> frames = new HashMap<>();
		for (Map.Entry<String, java.util.Set<Integer>> clip : wanted.entrySet()) {
			try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(media.resolve(clip.getKey()).toFile());
					Java2DFrameConverter converter = new Java2DFrameConverter()) {
				grabber.start();
				int index = 0;
				int found = 0;
				Frame frame;
				while (found < clip.getValue().size() && (frame = grabber.grabImage()) != null) {
					if (clip.getValue().contains(index)) {
						frames.put(clip.getKey() + "#" + index,
								Java2DFrameConverter.cloneBufferedImage(converter.getBufferedImage(frame)));
						found++;
					}
					index++;
				}
			}
			for (int frame : clip.getValue()) {
				if (!frames.containsKey(clip.getKey() + "#" + frame)) {
					throw new IOException(clip.getKey() + " has no frame " + frame);
				}
			}
		}
		return frames;
	}

	static String report(List<Variant.Sample> samples, Map<String, List<Run>> runs, Map<String, Double> cpuMs) {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
		List<String> names = new ArrayList<>(runs.keySet());
		Predicate<Run> tune = (r) -> r.sample().picture().tune();
		Predicate<Run> report = tune.negate();
		out.println("Labelled set (variants included):");
		out.println();
		out.println("| half | pictures | with people | without | people (boxes) | don't-care regions |");
		out.println("|---|---|---|---|---|---|");
		for (boolean half : new boolean[] { true, false }) {
			List<Variant.Sample> in = samples.stream().filter((s) -> s.picture().tune() == half).toList();
			out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d |%n", half ? "tune" : "report", in.size(),
					in.stream().filter(Variant.Sample::hasPeople).count(),
					in.stream().filter((s) -> !s.hasPeople()).count(),
					in.stream().mapToInt((s) -> s.people().size()).sum(),
					in.stream().mapToInt((s) -> s.ignore().size()).sum());
		}
		out.println();
		Map<String, Double> tuned = new LinkedHashMap<>();
		for (String name : names) {
			tuned.put(name, bestThreshold(runs.get(name), tune));
		}
		out.println("Thresholds picked on the tune half (best F1 at IoU 0.5): "
				+ String.join(", ",
						names.stream().map((n) -> String.format(Locale.ROOT, "%s %.2f", n, tuned.get(n))).toList())
				+ ". Everything below is the report half only.");
		out.println();
		out.print(header("| threshold |", names, "P / R", "false-alarm pictures"));
		for (double t : TABLE) {
			out.println(row(String.format(Locale.ROOT, "%.1f", t), names, runs, report, (n) -> t, MIN_IOU));
		}
		out.println(row("tuned", names, runs, report, tuned::get, MIN_IOU));
		out.println(row("tuned, IoU 0.3", names, runs, report, tuned::get, LOOSE_IOU));
		out.println();
		out.println("Per variant at each detector's tuned threshold (report half, IoU 0.5):");
		out.println();
		out.print(header("| variant | pictures |", names, "P / R", "false-alarm pictures"));
		for (Variant variant : Variant.values()) {
			Predicate<Run> which = report.and((r) -> r.sample().variant() == variant);
			long count = runs.get(names.get(0)).stream().filter(which).count();
			out.println(row(variant.label() + " | " + count, names, runs, which, tuned::get, MIN_IOU));
		}
		out.println();
		out.println("Confidence histogram (report half, person detections before any threshold; hit = matched a"
				+ " person at IoU 0.5, false = no person and no don't-care region):");
		out.println();
		out.print(header("| confidence |", names, "hits", "false"));
		Map<String, int[][]> histograms = new HashMap<>();
		names.forEach((n) -> histograms.put(n, histogram(runs.get(n), report)));
		for (int bin = 0; bin < 10; bin++) {
			StringBuilder line = new StringBuilder(
					String.format(Locale.ROOT, "| %.1f-%.1f |", bin / 10.0, (bin + 1) / 10.0));
			for (String name : names) {
				int[][] h = histograms.get(name);
				line.append(String.format(Locale.ROOT, " %d | %d |", h[0][bin], h[1][bin]));
			}
			out.println(line);
		}
		out.println();
		out.println("| detector | CPU ms per picture (all threads, this run) |");
		out.println("|---|---|");
		cpuMs.forEach((name, ms) -> out.printf(Locale.ROOT, "| %s | %.0f |%n", name, ms));
		out.println();
		return bytes.toString(StandardCharsets.UTF_8);
	}

	/** A table header: the leading columns, then two columns per detector. */
	private static String header(String first, List<String> names, String one, String two) {
		StringBuilder header = new StringBuilder(first);
		StringBuilder rule = new StringBuilder(
				"|" + "---|".repeat((int) first.chars().filter((c) -> c == '|').count() - 1));
		for (String name : names) {
			header.append(" ")
				.append(name)
				.append(" ")
				.append(one)
				.append(" | ")
				.append(name)
				.append(" ")
				.append(two)
				.append(" |");
			rule.append("---|---|");
		}
		return header + "\n" + rule + "\n";
	}

	private static String row(String first, List<String> names, Map<String, List<Run>> runs, Predicate<Run> which,
			java.util.function.Function<String, Double> threshold, double minIou) {
		StringBuilder row = new StringBuilder("| " + first + " |");
		for (String name : names) {
			double t = threshold.apply(name);
			Totals s = Totals.of(runs.get(name), which, t, minIou);
			row.append(String.format(Locale.ROOT, " %s / %s | %d of %d |",
					DetectorEvaluation.ratio(s.hits, s.hits + s.falseAlarms),
					DetectorEvaluation.ratio(s.hits, s.hits + s.misses), s.falseAlarmPictures, s.negatives));
		}
		return row.toString();
	}

	static double bestThreshold(List<Run> runs, Predicate<Run> which) {
		double best = 0.5;
		double bestF1 = -1;
		for (int i = 1; i < 20; i++) {
			double t = i * 0.05;
			Totals s = Totals.of(runs, which, t, MIN_IOU);
			double f1 = (s.hits == 0) ? 0 : 2.0 * s.hits / (2.0 * s.hits + s.falseAlarms + s.misses);
			if (f1 > bestF1) {
				bestF1 = f1;
				best = t;
			}
		}
		return best;
	}

	/** Hits [0] and false alarms [1] per tenth of confidence. */
	static int[][] histogram(List<Run> runs, Predicate<Run> which) {
		int[][] bins = new int[2][10];
		for (Run run : runs) {
			if (!which.test(run)) {
				continue;
			}
			for (BoxMatching.Found f : run.found()) {
				int bin = Math.min(9, (int) (f.confidence() * 10));
				BoxMatching.Counts c = BoxMatching.match(List.of(f), run.sample().people(), run.sample().ignore(), 0,
						MIN_IOU);
				if (c.hits() > 0) {
					bins[0][bin]++;
				}
				else if (c.falseAlarms() > 0) {
					bins[1][bin]++;
				}
			}
		}
		return bins;
	}

	private static BoxMatching.Found found(Detection d) {
		return new BoxMatching.Found(d.confidence(),
				new Box(d.box().x(), d.box().y(), d.box().width(), d.box().height()));
	}

	/**
	 * One detector's person detections on one sample.
	 *
	 * @param sample the picture as the detector saw it
	 * @param found person detections
	 */
	record Run(Variant.Sample sample, List<BoxMatching.Found> found) {

	}

	static final class Totals {

		long hits;

		long falseAlarms;

		long misses;

		long falseAlarmPictures;

		long negatives;

		static Totals of(List<Run> runs, Predicate<Run> which, double threshold, double minIou) {
			Totals t = new Totals();
			for (Run run : runs) {
				if (!which.test(run)) {
					continue;
				}
				BoxMatching.Counts c = BoxMatching.match(run.found(), run.sample().people(), run.sample().ignore(),
						threshold, minIou);
				t.hits += c.hits();
				t.falseAlarms += c.falseAlarms();
				t.misses += c.misses();
				if (!run.sample().hasPeople()) {
					t.negatives++;
					if (c.falseAlarms() > 0) {
						t.falseAlarmPictures++;
					}
				}
			}
			return t;
		}

	}

}
