package dev.vigil.processing.pipeline;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import dev.vigil.contracts.BoundingBox;
import dev.vigil.contracts.DerivedKeys;
import dev.vigil.contracts.Detection;
import dev.vigil.contracts.DetectorInfo;
import dev.vigil.contracts.MediaKind;
import dev.vigil.contracts.MediaProcessed;
import dev.vigil.contracts.MediaUploaded;
import dev.vigil.processing.detect.DetectionPolicy;
import dev.vigil.processing.detect.DetectionProperties;
import dev.vigil.processing.detect.Detector;
import dev.vigil.processing.detect.DetectorUnavailableException;
import dev.vigil.processing.image.DecodedImage;
import dev.vigil.processing.image.ImageDecoder;
import dev.vigil.processing.image.JpegEncoder;
import dev.vigil.processing.image.MediaRejectedException;
import dev.vigil.processing.storage.Downloaded;
import dev.vigil.processing.storage.MediaStore;
import dev.vigil.processing.video.VideoProcessor;
import dev.vigil.processing.video.VideoResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one {@code MediaUploaded} into derived objects and a {@code MediaProcessed}.
 *
 * <p>
 * Idempotent: the result is stored as a marker object next to the derived media, written
 * last. A redelivered or duplicated event finds the marker and gets the stored result
 * back (same event id) without any decoding, encoding or detection. Content problems
 * become a result with status {@code CORRUPT} or {@code UNSUPPORTED}; only infrastructure
 * problems and poison events throw.
 */
class MediaPipeline {

	private static final Logger logger = LoggerFactory.getLogger(MediaPipeline.class);

	private final MediaStore store;

	private final ImageDecoder decoder;

	private final JpegEncoder encoder;

	private final VideoProcessor video;

	private final @Nullable Detector detector;

	private final DetectionPolicy policy;

	private final DetectionProperties detection;

	private final ProcessingProperties properties;

	private final ProcessingMetrics metrics;

	private final JsonMapper json;

	MediaPipeline(MediaStore store, ImageDecoder decoder, JpegEncoder encoder, VideoProcessor video,
			@Nullable Detector detector, DetectionPolicy policy, DetectionProperties detection,
			ProcessingProperties properties, ProcessingMetrics metrics, JsonMapper json) {
		this.store = store;
		this.decoder = decoder;
		this.encoder = encoder;
		this.video = video;
		this.detector = detector;
		this.policy = policy;
		this.detection = detection;
		this.properties = properties;
		this.metrics = metrics;
		this.json = json;
	}

	MediaProcessed process(MediaUploaded event) {
		String kind = event.kind().name().toLowerCase(Locale.ROOT);
		if (!event.bucket().equals(this.store.bucket())) {
			throw new PoisonEventException("Bucket '" + event.bucket() + "' is not served by this processor (it reads '"
					+ this.store.bucket() + "')");
		}
		DerivedLayout layout = DerivedLayout.of(event);
		try {
			Optional<MediaProcessed> done = previousResult(layout);
			if (done.isPresent()) {
				logger.info("Media {} of camera {} was already processed; sending the stored result again",
						event.mediaId(), event.cameraId());
				this.metrics.processed(kind, "duplicate");
				return done.get();
			}
			recordStartedRun(layout);
			long start = System.nanoTime();
			MediaProcessed result = run(event, layout, start);
			this.metrics.step("store-result", () -> {
				this.store.put(layout.marker(), this.json.writeValueAsBytes(result), "application/json");
				return null;
			});
			forgetStartedRuns(layout);
			this.metrics.processed(kind, result.status().name().toLowerCase(Locale.ROOT));
			logger.info("Processed {} {} of camera {}: {}{} in {} ms, {} detections", kind, event.mediaId(),
					event.cameraId(), result.status(), (result.reason() != null) ? " (" + result.reason() + ")" : "",
					result.processingMs(), result.detections().size());
			return result;
		}
		catch (RuntimeException ex) {
			this.metrics.failed(kind, ex);
			throw ex;
		}
	}

	/**
	 * Counts this run before any decoding, in the object store (it survives the JVM): an
	 * item that crashed or hung the processor {@code max-started-runs} times is
	 * dead-lettered instead of crash-looping the consumer.
	 */
	private void recordStartedRun(DerivedLayout layout) {
		int started = this.store.read(layout.startedRuns()).map((bytes) -> {
			try {
				return Integer.parseInt(new String(bytes, java.nio.charset.StandardCharsets.US_ASCII).strip());
			}
			catch (NumberFormatException ex) {
				return 0;
			}
		}).orElse(0);
		if (started >= this.properties.maxStartedRuns()) {
			throw new PoisonEventException("Processing of this item was started " + started
					+ " times and never finished (the processor crashed or was stopped each time); not started again");
		}
		this.store.put(layout.startedRuns(),
				String.valueOf(started + 1).getBytes(java.nio.charset.StandardCharsets.US_ASCII), "text/plain");
	}

	private void forgetStartedRuns(DerivedLayout layout) {
		try {
			this.store.delete(layout.startedRuns());
		}
		catch (RuntimeException ex) {
			// The result is stored; a left-over counter is only a small object.
			logger.warn("Could not remove {}: {}", layout.startedRuns(), ex.getMessage());
		}
	}

	private Optional<MediaProcessed> previousResult(DerivedLayout layout) {
		Optional<byte[]> marker = this.store.read(layout.marker());
		if (marker.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(this.json.readValue(marker.get(), MediaProcessed.class));
		}
		catch (JacksonException | IllegalArgumentException ex) {
			// A marker this code cannot read (damaged, older shape) is not proof of work.
			logger.warn("Ignoring unreadable marker {}: {}", layout.marker(), ex.getMessage());
			return Optional.empty();
		}
	}

	private MediaProcessed run(MediaUploaded event, DerivedLayout layout, long start) {
		Path dir = tempDirectory();
		try {
			Path original = dir.resolve("original");
			Downloaded downloaded = this.metrics.step("download",
					() -> this.store.download(event.objectKey(), original, this.properties.maxOriginalSize()));
			long deadline = start + this.properties.maxProcessingTime().toNanos();
			try {
				if (downloaded.size() == 0) {
					throw MediaRejectedException.corrupt("The object is empty (0 bytes)");
				}
				if (!downloaded.sha256().equals(event.sha256())) {
					throw MediaRejectedException.corrupt("The object's SHA-256 " + downloaded.sha256()
							+ " does not match the event's " + event.sha256() + " (replaced or damaged in storage)");
				}
				return (event.kind() == MediaKind.VIDEO) ? video(event, layout, original, dir, start, deadline)
						: image(event, layout, original, start);
			}
			catch (MediaRejectedException ex) {
				return MediaProcessed.rejected(eventId(event), event.mediaId(), event.cameraId(), ex.status(),
						ex.getMessage(), elapsedMs(start), Instant.now());
			}
		}
		finally {
			delete(dir);
		}
	}

	private MediaProcessed image(MediaUploaded event, DerivedLayout layout, Path original, long start) {
		DecodedImage decoded = this.metrics.step("decode", () -> this.decoder.decode(original, event.cameraId()));
		byte[] thumbnail = this.metrics.step("thumbnail", () -> this.encoder.thumbnail(decoded.image()));
		Detected detected = detect(event.cameraId(), decoded.image(), decoded.scale(), decoded.width(),
				decoded.height(), null);
		this.metrics.step("upload", () -> {
			this.store.put(layout.thumbnail(), thumbnail, "image/jpeg");
			return null;
		});
		return MediaProcessed.processed(eventId(event), event.mediaId(), event.cameraId())
			.derived(new DerivedKeys(layout.thumbnail(), null, null))
			.size(decoded.width(), decoded.height())
			.capturedAt(decoded.capturedAt())
			.cameraModel(decoded.cameraModel())
			.detections(best(detected.detections()), detected.detector())
			.ok(elapsedMs(start), Instant.now());
	}

	private MediaProcessed video(MediaUploaded event, DerivedLayout layout, Path original, Path dir, long start,
			long deadline) {
		Path rendition = dir.resolve("h264.mp4");
		ClipDetections clip = new ClipDetections();
		DetectorInfo[] used = new DetectorInfo[1];
		boolean[] detectorDown = new boolean[1];
		VideoResult result = this.metrics.step("video", () -> this.video.process(original, rendition, (frame, ms) -> {
			if (detectorDown[0]) {
				return;
			}
			Detected d = detect(event.cameraId(), frame, 1, frame.getWidth(), frame.getHeight(), ms);
			if (d.detector() == null && this.detector != null) {
				detectorDown[0] = true;
				return;
			}
			used[0] = d.detector();
			clip.add(frame, ms, d.detections());
		}, deadline, this.properties.maxProcessingTime()));
		// The poster shows the best detection; without one, the frame with most motion.
		BufferedImage posterFrame = (clip.bestFrame() != null) ? clip.bestFrame() : result.poster();
		byte[] poster = this.metrics.step("poster", () -> this.encoder.fullSize(posterFrame));
		byte[] thumbnail = this.metrics.step("thumbnail", () -> this.encoder.thumbnail(posterFrame));
		this.metrics.step("upload", () -> {
			this.store.put(layout.poster(), poster, "image/jpeg");
			this.store.put(layout.thumbnail(), thumbnail, "image/jpeg");
			this.store.put(layout.rendition(), rendition, "video/mp4");
			return null;
		});
		MediaProcessed.Builder processed = MediaProcessed.processed(eventId(event), event.mediaId(), event.cameraId())
			.derived(new DerivedKeys(layout.thumbnail(), layout.poster(), layout.rendition()))
			.size(result.width(), result.height())
			.durationMs(result.durationMs())
			.capturedAt(result.createdAt())
			.videoCodec(result.codec());
		if (detectorDown[0] || used[0] == null) {
			// Detection did not run (no detector, or it failed): no detections, no
			// summary.
			processed.detections(List.of(), null);
		}
		else {
			processed.detections(best(clip.detections()), used[0]).clip(clip.summary(result.posterMs()));
		}
		return processed.build(result.status(), result.reason(), elapsedMs(start), Instant.now());
	}

	/**
	 * Runs the detector and the camera's policy. A failing detector does not fail the
	 * item: thumbnails matter more than detections, and the absent {@code detector} in
	 * the event says that detection did not run.
	 */
	private Detected detect(String cameraId, BufferedImage image, int scale, int width, int height,
			@Nullable Long frameMs) {
		Detector d = this.detector;
		if (d == null) {
			return new Detected(List.of(), null);
		}
		long begin = System.nanoTime();
		List<Detection> raw;
		try {
			raw = d.detect(image);
		}
		catch (DetectorUnavailableException ex) {
			logger.warn("Detector {} failed, continuing without detections: {}", d.name(), ex.getMessage());
			this.metrics.detectorFailed(d.name());
			return new Detected(List.of(), null);
		}
		finally {
			this.metrics.detectorLatency(d.name(), System.nanoTime() - begin);
		}
		List<Detection> scaled = raw.stream().map((r) -> rescale(r, scale, width, height, frameMs)).toList();
		return new Detected(this.policy.filter(cameraId, scaled, width, height),
				new DetectorInfo(d.name(), d.version()));
	}

	private static Detection rescale(Detection d, int scale, int width, int height, @Nullable Long frameMs) {
		BoundingBox b = d.box();
		int x = Math.min(b.x() * scale, width - 1);
		int y = Math.min(b.y() * scale, height - 1);
		int w = Math.max(1, Math.min(b.width() * scale, width - x));
		int h = Math.max(1, Math.min(b.height() * scale, height - y));
		return new Detection(d.label(), d.confidence(), new BoundingBox(x, y, w, h), frameMs);
	}

	private List<Detection> best(List<Detection> detections) {
		return detections.stream()
			.sorted(Comparator.comparingDouble(Detection::confidence).reversed())
			.limit(this.detection.maxDetections())
			.toList();
	}

	/**
	 * The same media always yields the same event id, so a rerun after a crash between
	 * writing and sending is recognised downstream as the same event.
	 */
	static UUID eventId(MediaUploaded event) {
		return UUID.nameUUIDFromBytes(
				("media-processed:" + event.cameraId() + ":" + event.mediaId()).getBytes(StandardCharsets.UTF_8));
	}

	private static long elapsedMs(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	private static Path tempDirectory() {
		try {
			return Files.createTempDirectory("vigil-processing-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a working directory", ex);
		}
	}

	private static void delete(Path dir) {
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach((p) -> {
				try {
					Files.deleteIfExists(p);
				}
				catch (IOException ex) {
					logger.warn("Could not delete {}: {}", p, ex.getMessage());
				}
			});
		}
		catch (IOException ex) {
			logger.warn("Could not clean {}: {}", dir, ex.getMessage());
		}
	}

	private record Detected(List<Detection> detections, @Nullable DetectorInfo detector) {

	}

}
