package dev.vigil.processing.video;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads the top-level boxes of an ISO media file (MP4/MOV). A file is "fast start" when
 * its {@code moov} box (the index) comes before {@code mdat} (the media), so a browser
 * can start playing before it has downloaded everything.
 */
public final class Mp4Atoms {

	private Mp4Atoms() {
	}

	/**
	 * Whether the file is MP4 with {@code moov} before {@code mdat}.
	 * @param file the file
	 * @return true for a fast-start MP4, false otherwise (including non-MP4 files)
	 */
	public static boolean isFastStart(Path file) {
		try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
			long length = in.length();
			long position = 0;
			byte[] type = new byte[4];
			while (position + 8 <= length) {
				in.seek(position);
				long size = in.readInt() & 0xFFFFFFFFL;
				in.readFully(type);
				String name = new String(type, StandardCharsets.ISO_8859_1);
				if (size == 1) {
					size = in.readLong();
				}
				else if (size == 0) {
					size = length - position;
				}
				if (size < 8) {
					return false;
				}
				if (name.equals("moov")) {
					return true;
				}
				if (name.equals("mdat")) {
					return false;
				}
				position += size;
			}
			return false;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
