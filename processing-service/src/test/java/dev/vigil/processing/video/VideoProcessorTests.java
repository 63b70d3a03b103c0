package dev.vigil.processing.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.vigil.contracts.ProcessingStatus;
import dev.vigil.devstack.TestMedia;
import dev.vigil.processing.image.MediaRejectedException;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VideoProcessorTests {

	@TempDir
	static Path dir;

	private static final VideoProcessor processor = new VideoProcessor(new VideoProperties(Duration.ofSeconds(10), 300,
			1280, 0.1, Duration.ofMinutes(30), VideoProperties.DEFAULT_MAX_FRAME_PIXELS));

	private static VideoResult vtest;

	private static final List<Long> sampledAt = new ArrayList<>();

	@BeforeAll
	static void processPedestrianClip() {
		// Transcoding is the slow part: done once for all assertions on the real clip.
		vtest = processor.process(TestMedia.file("opencv/vtest.avi"), dir.resolve("vtest.mp4"),
				(frame, ms) -> sampledAt.add(ms), deadline(), Duration.ofMinutes(5));
	}

	@Test
	void probesDimensionsDurationAndCodec() {
		assertThat(vtest.status()).isEqualTo(ProcessingStatus.OK);
		assertThat(vtest.width()).isEqualTo(768);
		assertThat(vtest.height()).isEqualTo(576);
		assertThat(vtest.durationMs()).isEqualTo(79_500);
		assertThat(vtest.codec()).startsWith("msmpeg4");
		assertThat(vtest.framesDecoded()).isEqualTo(795);
		assertThat(vtest.createdAt()).isNull();
	}

	@Test
	void writesFastStartH264Mp4ThatDecodes() throws Exception {
		Path rendition = dir.resolve("vtest.mp4");
		assertThat(vtest.rendition()).isEqualTo(Rendition.TRANSCODED);
		assertThat(Mp4Atoms.isFastStart(rendition)).isTrue();
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(rendition.toFile())) {
			grabber.start();
			assertThat(grabber.getVideoCodecName()).isEqualTo("h264");
			assertThat(grabber.getFormat()).contains("mp4");
			assertThat(grabber.getImageWidth()).isEqualTo(768);
			assertThat(grabber.getLengthInTime() / 1000).isBetween(78_000L, 81_000L);
		}
	}

	@Test
	void samplesFramesAtTheConfiguredIntervalAndPicksAPoster() {
		assertThat(sampledAt).hasSize(8).startsWith(0L, 10_000L);
		assertThat(vtest.poster().getWidth()).isEqualTo(768);
		assertThat(sampledAt).contains(vtest.posterMs());
	}

	@Test
	void copiesAFastStartH264Mp4InsteadOfTranscodingIt() {
		Path again = dir.resolve("again.mp4");
		VideoResult result = processor.process(dir.resolve("vtest.mp4"), again, (frame, ms) -> {
		}, deadline(), Duration.ofMinutes(5));
		assertThat(result.rendition()).isEqualTo(Rendition.COPIED);
		assertThat(result.codec()).isEqualTo("h264");
		assertThat(again).hasSameBinaryContentAs(dir.resolve("vtest.mp4"));
	}

	@Test
	void remuxesH264FromMatroskaWithoutReencoding() throws Exception {
		// A camera-style clip: H.264 in Matroska, made from the frames of tree.avi.
		Path mkv = dir.resolve("camera.mkv");
		long frames = 0;
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(TestMedia.file("opencv/tree.avi").toFile())) {
			grabber.start();
			try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(mkv.toFile(), grabber.getImageWidth(),
					grabber.getImageHeight(), 0)) {
				recorder.setFormat("matroska");
				recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
				recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
				recorder.setFrameRate(15);
				recorder.setMetadata("creation_time", "2016-08-30T13:29:54.000000Z");
				recorder.start();
				Frame frame;
				while ((frame = grabber.grabImage()) != null) {
					recorder.record(frame);
					frames++;
				}
			}
		}
		Path rendition = dir.resolve("camera.mp4");
		VideoResult result = processor.process(mkv, rendition, (frame, ms) -> {
		}, deadline(), Duration.ofMinutes(5));
		assertThat(result.codec()).isEqualTo("h264");
		assertThat(result.rendition()).isEqualTo(Rendition.REMUXED);
		assertThat(result.createdAt()).isEqualTo(Instant.parse("2016-08-30T13:29:54Z"));
		assertThat(Mp4Atoms.isFastStart(rendition)).isTrue();
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(rendition.toFile())) {
			grabber.start();
			assertThat(grabber.getVideoCodecName()).isEqualTo("h264");
			long decoded = 0;
			while (grabber.grabImage() != null) {
				decoded++;
			}
			assertThat(decoded).isEqualTo(frames);
		}
	}

	@Test
	void rejectsAClipWithoutFramesAsCorrupt() throws IOException {
		// The AVI headers of vtest.avi up to the start of its media list, and no frame.
		byte[] avi = Files.readAllBytes(TestMedia.file("opencv/vtest.avi"));
		byte[] head = java.util.Arrays.copyOf(avi, indexOf(avi, "movi".getBytes()) + 4);
		Path noFrames = Files.write(dir.resolve("no-frames.avi"), head);
		assertThatExceptionOfType(MediaRejectedException.class)
			.isThrownBy(() -> processor.process(noFrames, dir.resolve("none.mp4"), (f, ms) -> {
			}, deadline(), Duration.ofMinutes(1)))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(ProcessingStatus.CORRUPT));
	}

	@Test
	void rejectsAFileThatIsNoVideoAsCorrupt() throws IOException {
		Path text = Files.writeString(dir.resolve("clip.mp4"), "this is not a video at all");
		assertThatExceptionOfType(MediaRejectedException.class)
			.isThrownBy(() -> processor.process(text, dir.resolve("text.mp4"), (f, ms) -> {
			}, deadline(), Duration.ofMinutes(1)))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(ProcessingStatus.CORRUPT));
	}

	@Test
	void rejectsAnEmptyFileAsCorrupt() throws IOException {
		Path empty = Files.write(dir.resolve("empty.mkv"), new byte[0]);
		assertThatExceptionOfType(MediaRejectedException.class)
			.isThrownBy(() -> processor.process(empty, dir.resolve("empty.mp4"), (f, ms) -> {
			}, deadline(), Duration.ofMinutes(1)))
			.withMessageContaining("empty");
	}

	@Test
	void stopsWhenTheDeadlinePasses() {
		assertThatExceptionOfType(ProcessingTimeoutException.class)
			.isThrownBy(() -> processor.process(TestMedia.file("opencv/tree.avi"), dir.resolve("late.mp4"), (f, ms) -> {
			}, System.nanoTime() - 1, Duration.ofSeconds(1)));
	}

	@Test
	void rejectsA16000By16000MjpegAviBeforeDecodingAFrame() throws Exception {
		// A decoder bomb: a real 64x64 MJPEG AVI whose headers (avih, strf) and JPEG
		// frame
		// headers (SOF0) are rewritten to 16000 x 16000, 256 megapixels a frame (~1 GB
		// decoded).
		Path small = dir.resolve("small-mjpeg.avi");
		try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(small.toFile(), 64, 64, 0)) {
			recorder.setFormat("avi");
			recorder.setVideoCodec(avcodec.AV_CODEC_ID_MJPEG);
			recorder.setPixelFormat(avutil.AV_PIX_FMT_YUVJ420P);
			recorder.setFrameRate(5);
			recorder.start();
			try (org.bytedeco.javacv.Java2DFrameConverter converter = new org.bytedeco.javacv.Java2DFrameConverter()) {
				for (int i = 0; i < 5; i++) {
					recorder.record(converter.convert(
							new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_3BYTE_BGR)));
				}
			}
		}
		byte[] avi = Files.readAllBytes(small);
		java.nio.ByteBuffer le = java.nio.ByteBuffer.wrap(avi).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		int avih = indexOf(avi, "avih".getBytes());
		le.putInt(avih + 8 + 32, 16000).putInt(avih + 8 + 36, 16000);
		int strf = indexOf(avi, "strf".getBytes());
		le.putInt(strf + 8 + 4, 16000).putInt(strf + 8 + 8, 16000);
		for (int i = 0; i + 8 < avi.length; i++) {
			if ((avi[i] & 0xff) == 0xff && (avi[i + 1] & 0xff) == 0xc0) {
				avi[i + 5] = (byte) (16000 >> 8);
				avi[i + 6] = (byte) 16000;
				avi[i + 7] = (byte) (16000 >> 8);
				avi[i + 8] = (byte) 16000;
			}
		}
		Path bomb = Files.write(dir.resolve("bomb.avi"), avi);
		int[] sampled = new int[1];
		assertThatExceptionOfType(MediaRejectedException.class)
			.isThrownBy(() -> processor.process(bomb, dir.resolve("bomb.mp4"), (f, ms) -> sampled[0]++, deadline(),
					Duration.ofMinutes(1)))
			.satisfies((ex) -> assertThat(ex.status()).as(ex.getMessage()).isEqualTo(ProcessingStatus.UNSUPPORTED))
			.withMessageContaining("16000x16000");
		assertThat(sampled[0]).isZero();
	}

	@Test
	void refusesContainerFormatsCamerasDoNotWrite() throws IOException {
		// An HLS playlist would make FFmpeg open other files or URLs.
		Path playlist = Files.writeString(dir.resolve("clip.m3u8"), "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n"
				+ TestMedia.file("opencv/vtest.avi").toUri() + "\n#EXT-X-ENDLIST\n");
		assertThatExceptionOfType(MediaRejectedException.class)
			.isThrownBy(() -> processor.process(playlist, dir.resolve("hls.mp4"), (f, ms) -> {
			}, deadline(), Duration.ofMinutes(1)))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(ProcessingStatus.CORRUPT));
	}

	@Test
	void stopsAClipThatRunsLongerThanItsContainerClaims() throws IOException {
		// vtest.avi (79.5 s) with headers claiming 10 frames (avih total frames, strh
		// length) and no index: the length check before decoding passes, the decoded
		// timestamps do not.
		byte[] avi = Files.readAllBytes(TestMedia.file("opencv/vtest.avi"));
		java.nio.ByteBuffer le = java.nio.ByteBuffer.wrap(avi).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		le.putInt(indexOf(avi, "avih".getBytes()) + 8 + 16, 10);
		le.putInt(indexOf(avi, "strh".getBytes()) + 8 + 32, 10);
		int idx1 = lastIndexOf(avi, "idx1".getBytes());
		System.arraycopy("JUNK".getBytes(), 0, avi, idx1, 4);
		Path liar = Files.write(dir.resolve("liar.avi"), avi);
		VideoProcessor strict = new VideoProcessor(new VideoProperties(Duration.ofSeconds(10), 300, 1280, 0.1,
				Duration.ofSeconds(30), VideoProperties.DEFAULT_MAX_FRAME_PIXELS));
		assertThatExceptionOfType(MediaRejectedException.class)
			.isThrownBy(() -> strict.process(liar, dir.resolve("liar.mp4"), (f, ms) -> {
			}, deadline(), Duration.ofMinutes(1)))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(ProcessingStatus.UNSUPPORTED))
			.withMessageContaining("more than its container claimed");
	}

	private static int lastIndexOf(byte[] data, byte[] pattern) {
		outer: for (int i = data.length - pattern.length; i >= 0; i--) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new IllegalArgumentException("pattern not found");
	}

	private static int indexOf(byte[] data, byte[] pattern) {
		outer: for (int i = 0; i + pattern.length <= data.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new IllegalArgumentException("pattern not found");
	}

	private static long deadline() {
		return System.nanoTime() + Duration.ofMinutes(5).toNanos();
	}

}
