package dev.vigil.processing.benchmark;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import dev.vigil.processing.detect.Detector;
import dev.vigil.processing.detect.HogDetector;
import dev.vigil.processing.detect.HogProperties;
import dev.vigil.processing.detect.NanoDetDetector;
import dev.vigil.processing.detect.NanoDetModel;
import dev.vigil.processing.detect.NanoDetProperties;
import dev.vigil.processing.image.DecodedImage;
import dev.vigil.processing.image.ImageDecoder;
import dev.vigil.processing.image.ImageProperties;
import dev.vigil.processing.image.JpegEncoder;
import dev.vigil.processing.video.VideoProcessor;
import dev.vigil.processing.video.VideoProperties;
import dev.vigil.processing.video.VideoResult;

/**
 * Measures, on one thread: stills decoded and thumbnailed per second, HOG and NanoDet
 * detections (pictures) per second, and clip transcoding speed as a multiple of real
 * time. No network, no Kafka: the CPU work of the pipeline only.
 *
 * <pre>
 * java -cp ... dev.vigil.processing.benchmark.ProcessingBenchmark [media-dir] [rounds]
 * </pre>
 */
public final class ProcessingBenchmark {

	private static final List<String> STILLS = List.of("darknet/person.jpg", "darknet/dog.jpg", "darknet/horses.jpg",
			"darknet/kite.jpg", "darknet/eagle.jpg", "darknet/giraffe.jpg", "opencv/building.jpg", "opencv/home.jpg");

	private ProcessingBenchmark() {
	}

	/**
	 * CPU seconds used by the whole process (all threads, native ones included): on a
	 * shared machine, rates per CPU second say more than rates per wall second.
	 */
	private static double cpuSeconds() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1e9;
	}

	public static void main(String[] args) throws Exception {
		Path media = Path.of((args.length > 0) ? args[0] : ".vigil/media");
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 5;
		ImageDecoder decoder = new ImageDecoder(ImageProperties.defaults());
		JpegEncoder encoder = new JpegEncoder(ImageProperties.defaults());
		HogDetector hog = new HogDetector(HogProperties.defaults());
		NanoDetDetector nanodet = new NanoDetDetector(NanoDetModel.load(NanoDetModel.locate(null)),
				NanoDetProperties.defaults());

		System.out.println("| step | items | wall s | rate (wall) | CPU s | rate per CPU s |");
		System.out.println("|---|---|---|---|---|---|");
		// Warm-up: JIT and native libraries.
		for (String still : STILLS) {
			encoder.thumbnail(decoder.decode(media.resolve(still), "bench").image());
		}
		long start = System.nanoTime();
		double cpu = cpuSeconds();
		int images = 0;
		for (int r = 0; r < rounds; r++) {
			for (String still : STILLS) {
				encoder.thumbnail(decoder.decode(media.resolve(still), "bench").image());
				images++;
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		double cpuUsed = cpuSeconds() - cpu;
		System.out.printf(Locale.ROOT,
				"| thumbnails: decode + EXIF + 320 px JPEG | %d stills | %.1f | %.1f images/s | %.1f | %.1f images |%n",
				images, seconds, images / seconds, cpuUsed, images / cpuUsed);

		BufferedImage[] decoded = STILLS.stream()
			.map((s) -> decoder.decode(media.resolve(s), "bench"))
			.map(DecodedImage::image)
			.toArray(BufferedImage[]::new);
		detectionRow("HOG person detection, upscale " + HogProperties.defaults().upscale(), hog, decoded, rounds);
		detectionRow("NanoDet-m CNN detection (person, vehicle, animal)", nanodet, decoded, rounds);

		Path clip = media.resolve("opencv/vtest.avi");
		Path out = Files.createTempFile("vigil-bench-", ".mp4");
		try {
			VideoProcessor video = new VideoProcessor(VideoProperties.defaults());
			start = System.nanoTime();
			cpu = cpuSeconds();
			VideoResult result = video.process(clip, out, (frame, ms) -> {
			}, System.nanoTime() + Duration.ofMinutes(10).toNanos(), Duration.ofMinutes(10));
			seconds = (System.nanoTime() - start) / 1e9;
			cpuUsed = cpuSeconds() - cpu;
			System.out.printf(Locale.ROOT,
					"| transcode %s %dx%d, %.1f s clip -> H.264 MP4 fast start (%.0f fps) | %d frames | %.1f | %.1f x real time | %.1f | %.1f x real time |%n",
					result.codec(), result.width(), result.height(), result.durationMs() / 1000.0,
					result.framesDecoded() / seconds, result.framesDecoded(), seconds,
					result.durationMs() / 1000.0 / seconds, cpuUsed, result.durationMs() / 1000.0 / cpuUsed);
			clipRow("HOG", hog, clip, out, result);
			clipRow("NanoDet", nanodet, clip, out, result);
		}
		finally {
			Files.deleteIfExists(out);
			nanodet.close();
		}
	}

	private static void detectionRow(String what, Detector detector, BufferedImage[] decoded, int rounds) {
		detector.detect(decoded[0]);
		long start = System.nanoTime();
		double cpu = cpuSeconds();
		int pictures = 0;
		int found = 0;
		for (int r = 0; r < rounds; r++) {
			for (BufferedImage image : decoded) {
				found += detector.detect(image).size();
				pictures++;
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		double cpuUsed = cpuSeconds() - cpu;
		System.out.printf(Locale.ROOT,
				"| %s (%d detections, %.0f ms, %.0f CPU ms each) | %d pictures | %.1f | %.2f pictures/s | %.1f | %.2f pictures |%n",
				what, found, seconds * 1000 / pictures, cpuUsed * 1000 / pictures, pictures, seconds,
				pictures / seconds, cpuUsed, pictures / cpuUsed);
	}

	private static void clipRow(String what, Detector detector, Path clip, Path out, VideoResult reference) {
		VideoProcessor withDetection = new VideoProcessor(VideoProperties.defaults());
		long start = System.nanoTime();
		double cpu = cpuSeconds();
		int[] sampled = new int[1];
		withDetection.process(clip, out, (frame, ms) -> {
			detector.detect(frame);
			sampled[0]++;
		}, System.nanoTime() + Duration.ofMinutes(10).toNanos(), Duration.ofMinutes(10));
		double seconds = (System.nanoTime() - start) / 1e9;
		double cpuUsed = cpuSeconds() - cpu;
		System.out.printf(Locale.ROOT,
				"| clip end to end: transcode + %s on frames sampled at 1 fps | %d frames sampled | %.1f | %.1f x real time | %.1f | %.1f x real time |%n",
				what, sampled[0], seconds, reference.durationMs() / 1000.0 / seconds, cpuUsed,
				reference.durationMs() / 1000.0 / cpuUsed);
	}

}
