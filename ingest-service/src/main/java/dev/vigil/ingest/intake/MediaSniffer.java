package dev.vigil.ingest.intake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import dev.vigil.contracts.MediaKind;
import dev.vigil.ingest.intake.Sniffed.Problem;
import org.jspecify.annotations.Nullable;

/**
 * Decides from the bytes, never from the name, whether a file is a complete image or
 * clip. Truncation is what a dropped camera link produces, so each format is checked for
 * the structure a complete file ends with: JPEG's EOI marker, PNG's IEND chunk, RIFF's
 * declared length, MP4/QuickTime top-level boxes that end exactly at EOF with a
 * {@code moov}, Matroska's declared segment size. Only headers and tails are read, so
 * this costs the same for a 100 KB snapshot and a 100 MB clip.
 */
final class MediaSniffer {

	private static final int HEAD = 64;

	private static final int MAX_BOXES = 4096;

	private MediaSniffer() {
	}

	static Sniffed sniff(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			long size = channel.size();
			if (size == 0) {
				return Sniffed.rejected(Problem.EMPTY);
			}
			byte[] head = read(channel, 0, (int) Math.min(HEAD, size));
			if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
				return jpeg(channel, size);
			}
			if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
				return png(channel, size);
			}
			if (head.length >= 12 && ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("AVI ")) {
				return avi(head, size);
			}
			if (startsWith(head, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
				return matroska(channel, size);
			}
			if (head.length >= 8 && isIsoBox(ascii(head, 4, 4))) {
				return isoMedia(channel, size);
			}
			return Sniffed.rejected(Problem.NOT_MEDIA);
		}
	}

	private static Sniffed jpeg(FileChannel channel, long size) throws IOException {
		// Some firmware pads the last block with zeros after the end-of-image marker.
		int tailLength = (int) Math.min(4096, size);
		byte[] tail = read(channel, size - tailLength, tailLength);
		int end = tail.length;
		while (end > 0 && tail[end - 1] == 0) {
			end--;
		}
		boolean complete = end >= 2 && (tail[end - 2] & 0xFF) == 0xFF && (tail[end - 1] & 0xFF) == 0xD9;
		return complete ? Sniffed.complete("image/jpeg", "jpg", MediaKind.IMAGE)
				: Sniffed.truncated("image/jpeg", "jpg", MediaKind.IMAGE);
	}

	private static Sniffed png(FileChannel channel, long size) throws IOException {
		boolean complete = size >= 20 && ascii(read(channel, size - 8, 4), 0, 4).equals("IEND");
		return complete ? Sniffed.complete("image/png", "png", MediaKind.IMAGE)
				: Sniffed.truncated("image/png", "png", MediaKind.IMAGE);
	}

	private static Sniffed avi(byte[] head, long size) {
		long declared = ByteBuffer.wrap(head, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
		// A RIFF size of 0 means the recorder never finalised the file.
		boolean complete = declared >= 4 && declared + 8 <= size;
		return complete ? Sniffed.complete("video/x-msvideo", "avi", MediaKind.VIDEO)
				: Sniffed.truncated("video/x-msvideo", "avi", MediaKind.VIDEO);
	}

	private static boolean isIsoBox(String type) {
		return switch (type) {
			case "ftyp", "moov", "mdat", "wide", "free", "skip" -> true;
			default -> false;
		};
	}

	private static Sniffed isoMedia(FileChannel channel, long size) throws IOException {
		long offset = 0;
		boolean moov = false;
		String type = "video/mp4";
		String extension = "mp4";
		for (int boxes = 0; offset < size && boxes < MAX_BOXES; boxes++) {
			if (size - offset < 8) {
				return Sniffed.truncated(type, extension, MediaKind.VIDEO);
			}
			byte[] header = read(channel, offset, (int) Math.min(16, size - offset));
			long boxSize = ByteBuffer.wrap(header, 0, 4).getInt() & 0xFFFFFFFFL;
			String boxType = ascii(header, 4, 4);
			if (boxSize == 1) {
				if (header.length < 16) {
					return Sniffed.truncated(type, extension, MediaKind.VIDEO);
				}
				boxSize = ByteBuffer.wrap(header, 8, 8).getLong();
			}
			else if (boxSize == 0) {
				boxSize = size - offset;
			}
			if (boxType.equals("ftyp") && header.length >= 12 && ascii(header, 8, 4).equals("qt  ")) {
				type = "video/quicktime";
				extension = "mov";
			}
			if (boxType.equals("moov")) {
				moov = true;
			}
			if (boxSize < 8 || offset + boxSize > size) {
				return Sniffed.truncated(type, extension, MediaKind.VIDEO);
			}
			offset += boxSize;
		}
		return (offset == size && moov) ? Sniffed.complete(type, extension, MediaKind.VIDEO)
				: Sniffed.truncated(type, extension, MediaKind.VIDEO);
	}

	private static Sniffed matroska(FileChannel channel, long size) throws IOException {
		byte[] head = read(channel, 0, (int) Math.min(4096, size));
		String type = ascii(head, 0, head.length).contains("webm") ? "video/webm" : "video/x-matroska";
		String extension = type.equals("video/webm") ? "webm" : "mkv";
		// EBML header: id (4 bytes) + vint size + body, then the Segment element.
		long[] headerSize = vint(head, 4);
		if (headerSize == null) {
			return Sniffed.truncated(type, extension, MediaKind.VIDEO);
		}
		int segment = (int) (4 + headerSize[1] + headerSize[0]);
		if (segment + 5 > head.length || !startsWith(head, segment, 0x18, 0x53, 0x80, 0x67)) {
			return Sniffed.truncated(type, extension, MediaKind.VIDEO);
		}
		long[] segmentSize = vint(head, segment + 4);
		if (segmentSize == null) {
			return Sniffed.truncated(type, extension, MediaKind.VIDEO);
		}
		long dataStart = segment + 4 + segmentSize[1];
		// An unknown size (all ones) is legal for live recordings; then only the header
		// can be checked.
		boolean unknown = segmentSize[0] == (1L << (7 * segmentSize[1])) - 1;
		boolean complete = unknown ? size > dataStart : dataStart + segmentSize[0] <= size;
		return complete ? Sniffed.complete(type, extension, MediaKind.VIDEO)
				: Sniffed.truncated(type, extension, MediaKind.VIDEO);
	}

	/** An EBML variable-length integer: {value, length in bytes}, or null. */
	private static long @Nullable [] vint(byte[] data, int offset) {
		if (offset >= data.length) {
			return null;
		}
		int first = data[offset] & 0xFF;
		int length = Integer.numberOfLeadingZeros(first) - 23;
		if (first == 0 || length > 8 || offset + length > data.length) {
			return null;
		}
		long value = first & (0xFF >> length);
		for (int i = 1; i < length; i++) {
			value = (value << 8) | (data[offset + i] & 0xFF);
		}
		return new long[] { value, length };
	}

	private static byte[] read(FileChannel channel, long position, int length) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(length);
		while (buffer.hasRemaining()) {
			if (channel.read(buffer, position + buffer.position()) < 0) {
				break;
			}
		}
		byte[] bytes = new byte[buffer.position()];
		buffer.flip().get(bytes);
		return bytes;
	}

	private static boolean startsWith(byte[] data, int offset, int... expected) {
		if (offset + expected.length > data.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((data[offset + i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}

	private static String ascii(byte[] data, int offset, int length) {
		return new String(data, offset, Math.min(length, Math.max(0, data.length - offset)),
				StandardCharsets.ISO_8859_1);
	}

}
