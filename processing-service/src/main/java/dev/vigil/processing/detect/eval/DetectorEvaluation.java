package dev.vigil.processing.detect.eval;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import dev.vigil.contracts.Detection;
import dev.vigil.processing.detect.CocoLabels;
import dev.vigil.processing.detect.Detector;
import dev.vigil.processing.detect.HogDetector;
import dev.vigil.processing.detect.HogProperties;
import dev.vigil.processing.detect.HttpDetector;
import dev.vigil.processing.detect.NanoDetDetector;
import dev.vigil.processing.detect.NanoDetModel;
import dev.vigil.processing.detect.NanoDetProperties;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs detectors over the labelled set and prints, per detector, precision and recall at
 * a range of confidence thresholds (counted per person and per picture) and the histogram
 * of confidences on pictures with and without people.
 *
 * <p>
 * Counting per person matches counts, not boxes: on a picture with {@code n} labelled
 * people and {@code d} detections, {@code min(n, d)} are true positives, the rest false
 * positives or misses. Per picture, "has a person" is what the person filter in the UI
 * uses.
 *
 * <p>
 * Several detectors ({@code --detector hog,nanodet}) run one after the other in the same
 * JVM on the same pictures; a side-by-side table comes first. Costs are per picture: wall
 * time and process CPU time (all threads, TensorFlow's and OpenCV's native ones
 * included), and the process's resident memory after each detector's run (the CNN's
 * runtime and graph stay loaded, so the rise after it is its memory cost).
 *
 * <pre>
 * java -cp ... dev.vigil.processing.detect.eval.DetectorEvaluation \
 *     [--labels FILE] [--media DIR] [--detector hog|nanodet|http|hog,nanodet] [--url URL] \
 *     [--model-dir DIR] [--upscale 1.5] [--win-stride 8] [--group-threshold 2] [--scale 1.05]
 * </pre>
 */
public final class DetectorEvaluation {

	private static final double[] THRESHOLDS = { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 };

	private DetectorEvaluation() {
	}

	public static void main(String[] args) throws Exception {
		avutil.av_log_set_level(avutil.AV_LOG_ERROR);
		Map<String, String> options = options(args);
		Path labels = Path.of(options.getOrDefault("labels", "processing-service/src/test/resources/eval/labels.csv"));
		Path media = Path.of(options.getOrDefault("media", ".vigil/media"));
		List<LabelledItem> items = LabelledItem.read(labels);
		String[] kinds = options.getOrDefault("detector", "hog").split(",");
		Map<String, List<Result>> all = new LinkedHashMap<>();
		Map<String, Double> rss = new LinkedHashMap<>();
		java.io.ByteArrayOutputStream details = new java.io.ByteArrayOutputStream();
		PrintStream detailsOut = new PrintStream(details, true, java.nio.charset.StandardCharsets.UTF_8);
		for (String kind : kinds) {
			Detector detector = detector(kind.strip(), options);
			String name = detector.name();
			all.put(name, run(detector, items, media, detailsOut));
			rss.put(name, residentMegabytes());
			detailsOut.println();
		}
		if (all.size() > 1) {
			compare(all, rss, System.out);
		}
		else {
			rss.forEach((name, mb) -> detailsOut.printf(Locale.ROOT, "Resident memory after the run: %.0f MB%n", mb));
		}
		System.out.print(details.toString(java.nio.charset.StandardCharsets.UTF_8));
	}

	/**
	 * Prints the detectors' figures side by side.
	 * @param all results per detector name, in run order
	 * @param rss resident memory after each detector's run, MB
	 * @param out where the table goes
	 */
	static void compare(Map<String, List<Result>> all, Map<String, Double> rss, PrintStream out) {
		List<String> names = new ArrayList<>(all.keySet());
		StringBuilder header = new StringBuilder("| threshold |");
		StringBuilder rule = new StringBuilder("|---|");
		for (String name : names) {
			header.append(" ")
				.append(name)
				.append(" person P / R | ")
				.append(name)
				.append(" pictures P / R | ")
				.append(name)
				.append(" false alarms |");
			rule.append("---|---|---|");
		}
		out.println("## Side by side: " + String.join(" vs ", names) + " on the same pictures");
		out.println();
		out.println(header);
		out.println(rule);
		for (double t : THRESHOLDS) {
			StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %.1f |", t));
			for (String name : names) {
				Scores s = Scores.at(all.get(name), t);
				row.append(String.format(Locale.ROOT, " %s / %s | %s / %s | %d of %d |", ratio(s.tp, s.tp + s.fp),
						ratio(s.tp, s.tp + s.fn), ratio(s.pictureTp, s.pictureTp + s.pictureFp),
						ratio(s.pictureTp, s.pictureTp + s.pictureFn), s.pictureFp, s.negatives));
			}
			out.println(row);
		}
		out.println();
		out.println("| detector | wall ms per picture | CPU ms per picture | resident memory after its run |");
		out.println("|---|---|---|---|");
		for (String name : names) {
			List<Result> results = all.get(name);
			out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f MB |%n", name,
					results.stream().mapToLong(Result::nanos).average().orElse(0) / 1e6,
					results.stream().mapToLong(Result::cpuNanos).average().orElse(0) / 1e6, rss.get(name));
		}
		out.println();
	}

	/**
	 * Resident set size of this process (Linux {@code /proc/self/status}).
	 * @return MB, or NaN where unknown
	 */
	static double residentMegabytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux
		}
		return Double.NaN;
	}

	static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	static Detector detector(String kind, Map<String, String> options) {
		if (kind.equals("nanodet")) {
			NanoDetProperties d = NanoDetProperties.defaults();
			Path dir = NanoDetModel.locate(options.containsKey("model-dir") ? Path.of(options.get("model-dir")) : null);
			return new NanoDetDetector(NanoDetModel.load(dir), new NanoDetProperties(dir, false,
					Integer.parseInt(options.getOrDefault("threads", "0")), d.minScore(), d.maxIou()));
		}
		if (kind.equals("http")) {
			return new HttpDetector(URI.create(options.get("url")), Duration.ofSeconds(30),
					options.getOrDefault("name", "http"), options.getOrDefault("version", "1"),
					JsonMapper.builder().build());
		}
		HogProperties d = HogProperties.defaults();
		return new HogDetector(
				new HogProperties(Double.parseDouble(options.getOrDefault("upscale", String.valueOf(d.upscale()))),
						Integer.parseInt(options.getOrDefault("max-width", String.valueOf(d.maxWidth()))),
						Integer.parseInt(options.getOrDefault("win-stride", String.valueOf(d.winStride()))),
						Integer.parseInt(options.getOrDefault("padding", String.valueOf(d.padding()))),
						Double.parseDouble(options.getOrDefault("scale", String.valueOf(d.pyramidScale()))),
						Integer.parseInt(options.getOrDefault("group-threshold", String.valueOf(d.groupThreshold()))),
						Double.parseDouble(options.getOrDefault("max-overlap", String.valueOf(d.maxOverlap()))),
						Double.parseDouble(options.getOrDefault("midpoint", String.valueOf(d.confidenceMidpoint()))),
						Double.parseDouble(options.getOrDefault("spread", String.valueOf(d.confidenceSpread())))));
	}

	/**
	 * Evaluates one detector and prints the report.
	 * @param detector the detector
	 * @param items the labelled set
	 * @param media directory the items' paths are relative to
	 * @param out where the report goes
	 * @return the per-item results
	 */
	public static List<Result> run(Detector detector, List<LabelledItem> items, Path media, PrintStream out)
			throws IOException {
		List<Result> results = new ArrayList<>();
		long totalNanos = 0;
		long totalCpu = 0;
		long pixels = 0;
		// Warm-up (JIT, native libraries, TensorFlow's first run), not counted.
		detector.detect(load(media.resolve(items.get(0).media()), items.get(0).frame()));
		for (LabelledItem item : items) {
			BufferedImage image = load(media.resolve(item.media()), item.frame());
			long cpu = cpuNanos();
			long start = System.nanoTime();
			List<Detection> found = detector.detect(image);
			long nanos = System.nanoTime() - start;
			long cpuUsed = cpuNanos() - cpu;
			totalNanos += nanos;
			totalCpu += cpuUsed;
			pixels += (long) image.getWidth() * image.getHeight();
			// People are what the set is labelled for; a CNN's vehicles and animals are
			// not
			// false alarms here.
			results.add(new Result(item,
					found.stream()
						.filter((d) -> CocoLabels.PERSON.equals(d.label()))
						.map(Detection::confidence)
						.toList(),
					nanos, cpuUsed));
		}
		out.printf(Locale.ROOT,
				"## %s %s: %d pictures (%d with people, %d people), %.0f ms (%.0f CPU ms) per picture%n%n",
				detector.name(), detector.version(), results.size(),
				results.stream().filter((r) -> r.item().people() > 0).count(),
				results.stream().mapToInt((r) -> r.item().people()).sum(), totalNanos / 1e6 / results.size(),
				totalCpu / 1e6 / results.size());
		out.println(
				"| threshold | person precision | person recall | picture precision | picture recall | false alarms (pictures without people) |");
		out.println("|---|---|---|---|---|---|");
		for (double t : THRESHOLDS) {
			Scores s = Scores.at(results, t);
			out.printf(Locale.ROOT, "| %.1f | %s | %s | %s | %s | %d of %d |%n", t, ratio(s.tp, s.tp + s.fp),
					ratio(s.tp, s.tp + s.fn), ratio(s.pictureTp, s.pictureTp + s.pictureFp),
					ratio(s.pictureTp, s.pictureTp + s.pictureFn), s.pictureFp, s.negatives);
		}
		out.println();
		out.println("Confidence histogram (detections, before any threshold):");
		out.println();
		out.println("| confidence | on pictures with people | on pictures without |");
		out.println("|---|---|---|");
		int[] positive = new int[10];
		int[] negative = new int[10];
		for (Result r : results) {
			for (double c : r.confidences()) {
				int bin = Math.min(9, (int) (c * 10));
				if (r.item().people() > 0) {
					positive[bin]++;
				}
				else {
					negative[bin]++;
				}
			}
		}
		for (int i = 0; i < 10; i++) {
			out.printf(Locale.ROOT, "| %.1f-%.1f | %d %s | %d %s |%n", i / 10.0, (i + 1) / 10.0, positive[i],
					"#".repeat(positive[i]), negative[i], "#".repeat(negative[i]));
		}
		out.println();
		out.println("Per picture:");
		out.println();
		out.println("| picture | people | detections (confidence) | ms |");
		out.println("|---|---|---|---|");
		for (Result r : results) {
			out.printf(Locale.ROOT, "| %s | %d | %s | %.0f |%n", r.item().id(), r.item().people(),
					r.confidences().stream().map((c) -> String.format(Locale.ROOT, "%.2f", c)).toList(),
					r.nanos() / 1e6);
		}
		out.printf(Locale.ROOT, "%nThroughput: %.1f pictures/s, %.2f megapixels/s (one thread)%n",
				results.size() / (totalNanos / 1e9), pixels / 1e6 / (totalNanos / 1e9));
		return results;
	}

	static BufferedImage load(Path file, Integer frame) throws IOException {
		if (frame == null) {
			BufferedImage image = ImageIO.read(file.toFile());
			if (image == null) {
				throw new IOException("Not an image: " + file);
			}
			return image;
		}
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
				Java2DFrameConverter converter = new Java2DFrameConverter()) {
			grabber.start();
			int index = 0;
			Frame f;
			while ((f = grabber.grabImage()) != null) {
				if (index++ == frame) {
					return Java2DFrameConverter.cloneBufferedImage(converter.getBufferedImage(f));
				}
			}
			throw new IOException(file + " has no frame " + frame);
		}
	}

	static String ratio(long numerator, long denominator) {
		return (denominator == 0) ? "-" : String.format(Locale.ROOT, "%.2f", (double) numerator / denominator);
	}

	static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].startsWith("--") && i + 1 < args.length) {
				options.put(args[i].substring(2), args[++i]);
			}
		}
		return options;
	}

	/**
	 * What a detector found on one labelled picture.
	 *
	 * @param item the picture
	 * @param confidences confidences of the person detections
	 * @param nanos detector time
	 * @param cpuNanos process CPU time during the detector call
	 */
	public record Result(LabelledItem item, List<Double> confidences, long nanos, long cpuNanos) {

		long detectedAt(double threshold) {
			return this.confidences.stream().filter((c) -> c >= threshold).count();
		}

	}

	static final class Scores {

		long tp;

		long fp;

		long fn;

		long pictureTp;

		long pictureFp;

		long pictureFn;

		long negatives;

		static Scores at(List<Result> results, double threshold) {
			Scores s = new Scores();
			for (Result r : results) {
				long detected = r.detectedAt(threshold);
				int people = r.item().people();
				long hit = Math.min(detected, people);
				s.tp += hit;
				s.fp += detected - hit;
				s.fn += people - hit;
				if (people == 0) {
					s.negatives++;
				}
				if (people > 0 && detected > 0) {
					s.pictureTp++;
				}
				else if (people == 0 && detected > 0) {
					s.pictureFp++;
				}
				else if (people > 0) {
					s.pictureFn++;
				}
			}
			return s;
		}

	}

}
