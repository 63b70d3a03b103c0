package dev.vigil.processing.benchmark;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import dev.vigil.processing.detect.HogDetector;
import dev.vigil.processing.detect.HogProperties;
import dev.vigil.processing.image.DecodedImage;
import dev.vigil.processing.image.ImageDecoder;
import dev.vigil.processing.image.ImageProperties;
import dev.vigil.processing.image.JpegEncoder;
import dev.vigil.processing.video.VideoProcessor;
import dev.vigil.processing.video.VideoProperties;
import dev.vigil.processing.video.VideoResult;

/**
 * Measures, on one thread: stills decoded and thumbnailed per second, HOG detections
 * (pictures) per second, and clip transcoding speed as a multiple of real time. No
 * network, no Kafka: the CPU work of the pipeline only.
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
		hog.detect(decoded[0]);
		start = System.nanoTime();
		cpu = cpuSeconds();
		int pictures = 0;
		int found = 0;
		for (int r = 0; r < rounds; r++) {
			for (BufferedImage image : decoded) {
				found += hog.detect(image).size();
				pictures++;
			}
		}
		seconds = (System.nanoTime() - start) / 1e9;
		cpuUsed = cpuSeconds() - cpu;
		System.out.printf(Locale.ROOT,
				"| HOG person detection, upscale %.1f (%d detections, %.0f ms each) | %d pictures | %.1f | %.2f pictures/s | %.1f | %.2f pictures |%n",
				HogProperties.defaults().upscale(), found, seconds * 1000 / pictures, pictures, seconds,
				pictures / seconds, cpuUsed, pictures / cpuUsed);

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
			VideoProcessor withDetection = new VideoProcessor(VideoProperties.defaults());
			start = System.nanoTime();
			cpu = cpuSeconds();
			int[] sampled = new int[1];
			withDetection.process(clip, out, (frame, ms) -> {
				hog.detect(frame);
				sampled[0]++;
			}, System.nanoTime() + Duration.ofMinutes(10).toNanos(), Duration.ofMinutes(10));
			seconds = (System.nanoTime() - start) / 1e9;
			cpuUsed = cpuSeconds() - cpu;
			System.out.printf(Locale.ROOT,
					"| clip end to end: transcode + HOG on frames sampled at 1 fps | %d frames sampled | %.1f | %.1f x real time | %.1f | %.1f x real time |%n",
					sampled[0], seconds, result.durationMs() / 1000.0 / seconds, cpuUsed,
					result.durationMs() / 1000.0 / cpuUsed);
		}
		finally {
			Files.deleteIfExists(out);
		}
	}

}
