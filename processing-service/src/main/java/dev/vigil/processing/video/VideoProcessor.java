package dev.vigil.processing.video;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import dev.vigil.contracts.ProcessingStatus;
import dev.vigil.processing.image.MediaRejectedException;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes, samples and transcodes clips with FFmpeg through JavaCV (native FFmpeg
 * libraries shipped in the jar for x86-64 and ARM64: no system package needed).
 *
 * <p>
 * One decoding pass does everything: every frame goes to the H.264 encoder, and one frame
 * per sample interval goes to the {@link FrameSampler} (detection) and competes for the
 * poster (the sampled frame that differs most from the previous sample: where something
 * moved).
 */
public class VideoProcessor {

	private static final Logger logger = LoggerFactory.getLogger(VideoProcessor.class);

	static {
		avutil.av_log_set_level(avutil.AV_LOG_ERROR);
	}

	/**
	 * Container formats FFmpeg may open (demuxer names): what IP cameras and phones
	 * write. No playlists (hls, concat), image sequences or devices.
	 */
	static final String FORMATS = "avi,matroska,webm,mov,mp4,m4a,3gp,3g2,mj2,mpegts,flv,asf,h264,hevc,mjpeg";

	/**
	 * Decoders FFmpeg may use: cameras' video codecs and the audio that comes with them
	 * (audio is probed, not decoded).
	 */
	static final String CODECS = "h264,hevc,mpeg4,msmpeg4,msmpeg4v2,msmpeg4v1,mjpeg,mpeg1video,mpeg2video,h263,vp8,vp9,av1,"
			+ "libdav1d,wmv1,wmv2,wmv3,vc1,flv,aac,mp3,mp3float,opus,vorbis,pcm_s16le,pcm_mulaw,pcm_alaw,adpcm_g726,"
			+ "adpcm_g726le,adpcm_ima_wav,g723_1,g729";

	private final VideoProperties properties;

	public VideoProcessor(VideoProperties properties) {
		this.properties = properties;
	}

	/**
	 * Processes a clip.
	 * @param file the original
	 * @param rendition where the H.264 MP4 is written
	 * @param sampler receives sampled frames
	 * @param deadline {@link System#nanoTime()} value after which processing stops
	 * @param limit the time limit the deadline stands for, for messages
	 * @return what was learnt
	 * @throws MediaRejectedException when the clip cannot be opened or has no frames
	 * @throws ProcessingTimeoutException when the deadline passes
	 */
	public VideoResult process(Path file, Path rendition, FrameSampler sampler, long deadline, Duration limit) {
		if (size(file) == 0) {
			throw MediaRejectedException.corrupt("The object is empty (0 bytes)");
		}
		try (FFmpegFrameGrabber grabber = grabber(file); Java2DFrameConverter converter = new Java2DFrameConverter()) {
			try {
				grabber.start();
			}
			catch (FFmpegFrameGrabber.Exception ex) {
				// FFmpeg refuses to open a decoder for frames above max_pixels: say so.
				rejectOversized(HeaderProbe.frameSize(file, FORMATS));
				throw MediaRejectedException.corrupt("The video could not be opened: " + ex.getMessage());
			}
			if (!grabber.hasVideo() || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
				throw MediaRejectedException
					.corrupt("The file has no video stream (format " + grabber.getFormat() + ")");
			}
			rejectOversized(new int[] { grabber.getImageWidth(), grabber.getImageHeight() });
			long lengthUs = Math.max(0, grabber.getLengthInTime());
			if (lengthUs > this.properties.maxDuration().toNanos() / 1000) {
				throw MediaRejectedException.unsupported("The clip is " + Duration.ofNanos(lengthUs * 1000)
						+ " long, more than the limit of " + this.properties.maxDuration());
			}
			String codec = (grabber.getVideoCodecName() != null) ? grabber.getVideoCodecName() : "unknown";
			Rendition mode = renditionMode(grabber, codec, file);
			if (mode == Rendition.REMUXED && !remux(file, rendition)) {
				mode = Rendition.TRANSCODED;
			}
			return run(grabber, converter, file, rendition, sampler, deadline, limit, codec, lengthUs, mode);
		}
		catch (MediaRejectedException | ProcessingTimeoutException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new MediaRejectedException(ProcessingStatus.CORRUPT,
					"The video could not be decoded: " + ex.getMessage(), ex);
		}
	}

	private void rejectOversized(int[] size) {
		long pixels = (long) size[0] * size[1];
		if (pixels > this.properties.maxFramePixels()) {
			throw MediaRejectedException.unsupported("The video's frames are " + size[0] + "x" + size[1] + " (" + pixels
					+ " pixels), more than the limit of " + this.properties.maxFramePixels() + " pixels");
		}
	}

	/**
	 * A grabber that only reads local files of the container formats and video codecs
	 * cameras produce, with FFmpeg's own frame-size cap on the decoders: a crafted file
	 * cannot make FFmpeg open a URL, a playlist or a device, or allocate a gigapixel
	 * frame.
	 */
	private FFmpegFrameGrabber grabber(Path file) {
		FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
		grabber.setOption("protocol_whitelist", "file");
		grabber.setOption("format_whitelist", FORMATS);
		grabber.setOption("codec_whitelist", CODECS);
		grabber.setVideoOption("max_pixels", String.valueOf(this.properties.maxFramePixels()));
		return grabber;
	}

	private VideoResult run(FFmpegFrameGrabber grabber, Java2DFrameConverter converter, Path file, Path rendition,
			FrameSampler sampler, long deadline, Duration limit, String codec, long lengthUs, Rendition mode)
			throws Exception {
		int width = grabber.getImageWidth();
		int height = grabber.getImageHeight();
		FFmpegFrameRecorder recorder = (mode == Rendition.TRANSCODED) ? recorder(rendition, width, height, fps(grabber))
				: null;
		long intervalUs = Math.max(1, this.properties.sampleInterval().toNanos() / 1000);
		long nextSampleUs = 0;
		int sampled = 0;
		long frames = 0;
		long lastUs = 0;
		int[] previous = null;
		double bestMotion = -1;
		BufferedImage poster = null;
		long posterMs = 0;
		String damage = null;
		try {
			while (true) {
				if (System.nanoTime() > deadline) {
					throw new ProcessingTimeoutException(limit);
				}
				Frame frame;
				try {
					frame = grabber.grabImage();
				}
				catch (FFmpegFrameGrabber.Exception ex) {
					damage = ex.getMessage();
					break;
				}
				if (frame == null) {
					break;
				}
				if (frame.image == null) {
					continue;
				}
				frames++;
				long timestampUs = Math.max(0, grabber.getTimestamp());
				if (timestampUs > this.properties.maxDuration().toNanos() / 1000) {
					// The container's length was within the limit (checked before
					// decoding), the
					// frames say otherwise.
					throw MediaRejectedException
						.unsupported("The clip runs past " + this.properties.maxDuration() + " (frame at "
								+ Duration.ofNanos(timestampUs * 1000) + "), more than its container claimed");
				}
				lastUs = Math.max(lastUs, timestampUs);
				if (recorder != null) {
					recorder.record(frame);
				}
				if (timestampUs >= nextSampleUs && sampled < this.properties.maxSampledFrames()) {
					BufferedImage image = Java2DFrameConverter.cloneBufferedImage(converter.getBufferedImage(frame));
					int[] signature = signature(image);
					// The first frame is a poster only until any frame with motion shows
					// up.
					double motion = (previous != null) ? difference(previous, signature) : 0;
					if (poster == null || motion > bestMotion) {
						bestMotion = motion;
						poster = image;
						posterMs = timestampUs / 1000;
					}
					previous = signature;
					sampler.sample(image, timestampUs / 1000);
					sampled++;
					nextSampleUs = timestampUs + intervalUs;
				}
			}
		}
		finally {
			if (recorder != null) {
				try {
					recorder.close();
				}
				catch (Exception ex) {
					// Closing an encoder that never got a frame fails; the frame count
					// below
					// already says why.
					if (frames > 0 && damage == null) {
						damage = "the rendition could not be finished: " + ex.getMessage();
					}
				}
			}
		}
		if (frames == 0 || poster == null) {
			throw MediaRejectedException
				.corrupt("The video has no decodable frames" + ((damage != null) ? ": " + damage : ""));
		}
		if (mode == Rendition.COPIED) {
			Files.copy(file, rendition, StandardCopyOption.REPLACE_EXISTING);
		}
		long durationMs = (lengthUs > 0) ? lengthUs / 1000 : lastUs / 1000;
		ProcessingStatus status = (damage != null) ? ProcessingStatus.CORRUPT : ProcessingStatus.OK;
		String reason = (damage != null)
				? "The video is damaged after " + frames + " frames (" + (lastUs / 1000) + " ms): " + damage : null;
		return new VideoResult(status, reason, width, height, durationMs, codec, poster, posterMs, true, mode, frames,
				creationTime(grabber));
	}

	private FFmpegFrameRecorder recorder(Path rendition, int width, int height, double fps) throws Exception {
		int outWidth = even(Math.min(width, this.properties.renditionMaxWidth()));
		int outHeight = even((int) Math.round((double) height * outWidth / width));
		FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(rendition.toFile(), outWidth, outHeight, 0);
		recorder.setFormat("mp4");
		// The first H.264 encoder FFmpeg has: OpenH264 (BSD) in the default JavaCV build.
		recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
		recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
		recorder.setFrameRate(fps);
		recorder.setGopSize((int) Math.max(1, Math.round(fps * 2)));
		recorder.setVideoBitrate(
				(int) Math.max(200_000, outWidth * (double) outHeight * fps * this.properties.renditionBitsPerPixel()));
		// The index goes before the media so browsers start playing while downloading.
		recorder.setOption("movflags", "+faststart");
		recorder.start();
		return recorder;
	}

	private static Rendition renditionMode(FFmpegFrameGrabber grabber, String codec, Path file) {
		String format = (grabber.getFormat() != null) ? grabber.getFormat().toLowerCase(Locale.ROOT) : "";
		if (!codec.equals("h264")) {
			return Rendition.TRANSCODED;
		}
		if (format.contains("mp4") && Mp4Atoms.isFastStart(file)) {
			return Rendition.COPIED;
		}
		// Containers with real timestamps only: H.264 in AVI often has none, which MP4
		// cannot store.
		return (format.contains("matroska") || format.contains("mp4")) ? Rendition.REMUXED : Rendition.TRANSCODED;
	}

	/**
	 * Copies the H.264 packets into a fast-start MP4 without decoding them: a fraction of
	 * the CPU of a transcode, and no quality loss. Cameras' MKV clips are usually H.264.
	 * @return false when the packets could not be muxed (the caller transcodes instead)
	 */
	private boolean remux(Path file, Path rendition) {
		try (FFmpegFrameGrabber grabber = grabber(file)) {
			grabber.start();
			try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(rendition.toFile(), grabber.getImageWidth(),
					grabber.getImageHeight(), 0)) {
				recorder.setFormat("mp4");
				recorder.setVideoCodec(grabber.getVideoCodec());
				recorder.setFrameRate(fps(grabber));
				recorder.setOption("movflags", "+faststart");
				recorder.start(grabber.getFormatContext());
				AVPacket packet;
				long packets = 0;
				while ((packet = grabber.grabPacket()) != null) {
					try {
						if (packet.stream_index() == grabber.getVideoStream()) {
							recorder.recordPacket(packet);
							packets++;
						}
					}
					finally {
						avcodec.av_packet_unref(packet);
					}
				}
				recorder.stop();
				return packets > 0 && Mp4Atoms.isFastStart(rendition);
			}
		}
		catch (Exception ex) {
			logger.info("Remuxing {} failed, transcoding instead: {}", file.getFileName(), ex.getMessage());
			return false;
		}
	}

	/**
	 * The container's {@code creation_time} (MP4, MOV, Matroska), which cameras set to
	 * the recording start.
	 */
	static @Nullable Instant creationTime(FFmpegFrameGrabber grabber) {
		String value = grabber.getMetadata("creation_time");
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			Instant instant = Instant.parse(value.trim());
			// Muxers write the epoch when nobody set a time.
			return instant.isAfter(Instant.EPOCH) ? instant : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static double fps(FFmpegFrameGrabber grabber) {
		double fps = grabber.getVideoFrameRate();
		// Containers such as Matroska report their time base here; players expect 1..60.
		return (fps >= 1 && fps <= 60) ? fps : 25;
	}

	private static int even(int value) {
		return Math.max(2, value - (value % 2));
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read the downloaded original " + file, ex);
		}
	}

	/**
	 * A 32x24 grey thumbnail: enough to tell frames with motion from still ones.
	 */
	static int[] signature(BufferedImage image) {
		BufferedImage small = new BufferedImage(32, 24, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = small.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.drawImage(image, 0, 0, 32, 24, null);
		}
		finally {
			g.dispose();
		}
		return small.getRaster().getPixels(0, 0, 32, 24, (int[]) null);
	}

	static double difference(int @Nullable [] a, int[] b) {
		if (a == null) {
			return 0;
		}
		long sum = 0;
		for (int i = 0; i < b.length; i++) {
			sum += Math.abs(a[i] - b[i]);
		}
		return (double) sum / b.length;
	}

}
