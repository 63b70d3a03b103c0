package dev.vigil.ingest.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import dev.vigil.contracts.MediaKind;
import dev.vigil.ingest.TestMedia;
import dev.vigil.ingest.intake.Sniffed.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MediaSnifferTests {

	@TempDir
	Path temp;

	@Test
	void recognisesCompleteJpegByContent() throws IOException {
		Sniffed sniffed = MediaSniffer.sniff(TestMedia.file("darknet/person.jpg"));
		assertThat(sniffed.isComplete()).isTrue();
		assertThat(sniffed.contentType()).isEqualTo("image/jpeg");
		assertThat(sniffed.kind()).isEqualTo(MediaKind.IMAGE);
		assertThat(sniffed.extension()).isEqualTo("jpg");
	}

	@Test
	void recognisesJpegWithoutExtensionAndWithZeroPadding() throws IOException {
		byte[] bytes = Files.readAllBytes(TestMedia.file("darknet/dog.jpg"));
		Path padded = this.temp.resolve("upload.bin");
		Files.write(padded, Arrays.copyOf(bytes, bytes.length + 300));
		assertThat(MediaSniffer.sniff(padded).isComplete()).isTrue();
	}

	@Test
	void flagsJpegWithoutEndMarkerAsTruncated() throws IOException {
		Path cut = cut("darknet/person.jpg", 0.6);
		Sniffed sniffed = MediaSniffer.sniff(cut);
		assertThat(sniffed.problem()).isEqualTo(Problem.TRUNCATED);
		assertThat(sniffed.contentType()).isEqualTo("image/jpeg");
	}

	@Test
	void flagsEmptyFile() throws IOException {
		Path empty = Files.createFile(this.temp.resolve("MDAlarm_20160830-155137.jpg"));
		assertThat(MediaSniffer.sniff(empty).problem()).isEqualTo(Problem.EMPTY);
	}

	@Test
	void rejectsTextWithJpegName() throws IOException {
		Path fake = Files.writeString(this.temp.resolve("MDAlarm_20160830-155137.jpg"), "#!/bin/sh\nrm -rf /\n");
		assertThat(MediaSniffer.sniff(fake).problem()).isEqualTo(Problem.NOT_MEDIA);
	}

	@Test
	void recognisesPng() throws IOException {
		assertThat(MediaSniffer.sniff(TestMedia.file("opencv/box.png")).contentType()).isEqualTo("image/png");
		assertThat(MediaSniffer.sniff(cut("opencv/box.png", 0.5)).problem()).isEqualTo(Problem.TRUNCATED);
	}

	@Test
	void recognisesAviClipAndItsTruncation() throws IOException {
		Sniffed clip = MediaSniffer.sniff(TestMedia.file("opencv/vtest.avi"));
		assertThat(clip.isComplete()).isTrue();
		assertThat(clip.kind()).isEqualTo(MediaKind.VIDEO);
		assertThat(clip.contentType()).isEqualTo("video/x-msvideo");
		assertThat(MediaSniffer.sniff(cut("opencv/tree.avi", 0.3)).problem()).isEqualTo(Problem.TRUNCATED);
	}

	@Test
	void recognisesMp4BoxesAndMissingMoov() throws IOException {
		Path mp4 = this.temp.resolve("clip.mp4");
		Files.write(mp4, concat(box("ftyp", "isom\0\0\2\0isomiso2".getBytes()), box("mdat", new byte[1000]),
				box("moov", new byte[200])));
		assertThat(MediaSniffer.sniff(mp4).isComplete()).isTrue();
		assertThat(MediaSniffer.sniff(mp4).contentType()).isEqualTo("video/mp4");
		Path cut = this.temp.resolve("cut.mp4");
		Files.write(cut, Arrays.copyOf(Files.readAllBytes(mp4), 900));
		assertThat(MediaSniffer.sniff(cut).problem()).isEqualTo(Problem.TRUNCATED);
	}

	@Test
	void recognisesMatroskaWithKnownAndUnknownSegmentSize() throws IOException {
		byte[] ebml = { 0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x84, 0x42, (byte) 0x82, (byte) 0x81, 'm' };
		byte[] known = concat(ebml, new byte[] { 0x18, 0x53, (byte) 0x80, 0x67, (byte) 0x8A }, new byte[10]);
		Path mkv = Files.write(this.temp.resolve("MDalarm_20160830_152954.mkv"), known);
		assertThat(MediaSniffer.sniff(mkv).isComplete()).isTrue();
		assertThat(MediaSniffer.sniff(mkv).contentType()).isEqualTo("video/x-matroska");
		Files.write(mkv, Arrays.copyOf(known, known.length - 4));
		assertThat(MediaSniffer.sniff(mkv).problem()).isEqualTo(Problem.TRUNCATED);
		byte[] live = concat(ebml, new byte[] { 0x18, 0x53, (byte) 0x80, 0x67, (byte) 0xFF }, new byte[50]);
		Files.write(mkv, live);
		assertThat(MediaSniffer.sniff(mkv).isComplete()).isTrue();
	}

	private Path cut(String media, double fraction) throws IOException {
		byte[] bytes = Files.readAllBytes(TestMedia.file(media));
		Path cut = this.temp.resolve("cut-" + Path.of(media).getFileName());
		Files.write(cut, Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
		return cut;
	}

	private static byte[] box(String type, byte[] body) {
		int size = body.length + 8;
		byte[] header = { (byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8), (byte) size,
				(byte) type.charAt(0), (byte) type.charAt(1), (byte) type.charAt(2), (byte) type.charAt(3) };
		return concat(header, body);
	}

	private static byte[] concat(byte[]... parts) {
		int length = Arrays.stream(parts).mapToInt((p) -> p.length).sum();
		byte[] all = new byte[length];
		int offset = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, all, offset, part.length);
			offset += part.length;
		}
		return all;
	}

}
