package dev.vigil.bench.sim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Makes each uploaded copy of a sample file distinct while keeping it a valid file of its
 * type, so that the edge takes every upload instead of recognising a duplicate: a JPEG
 * gets a comment segment, an AVI (RIFF) file a trailing JUNK chunk.
 */
public final class Uniquifier {

	private Uniquifier() {
	}

	/**
	 * A distinct copy of a sample file.
	 * @param content a JPEG or AVI file
	 * @param tag what makes this copy distinct (ASCII)
	 * @return the copy, still a valid file of its type
	 */
	public static byte[] unique(byte[] content, String tag) {
		byte[] payload = tag.getBytes(StandardCharsets.US_ASCII);
		if (isJpeg(content)) {
			// SOI, then a COM segment (length counts its own two bytes), then the rest.
			int length = payload.length + 2;
			byte[] out = new byte[content.length + 4 + payload.length];
			out[0] = (byte) 0xFF;
			out[1] = (byte) 0xD8;
			out[2] = (byte) 0xFF;
			out[3] = (byte) 0xFE;
			out[4] = (byte) (length >> 8);
			out[5] = (byte) length;
			System.arraycopy(payload, 0, out, 6, payload.length);
			System.arraycopy(content, 2, out, 6 + payload.length, content.length - 2);
			return out;
		}
		if (isRiff(content)) {
			int padded = payload.length + (payload.length & 1);
			ByteBuffer out = ByteBuffer.allocate(content.length + 8 + padded).order(ByteOrder.LITTLE_ENDIAN);
			out.put(content);
			out.put("JUNK".getBytes(StandardCharsets.US_ASCII)).putInt(payload.length).put(payload);
			out.position(out.capacity());
			out.putInt(4, out.capacity() - 8);
			return out.array();
		}
		throw new IllegalArgumentException("Only JPEG and AVI samples can be made unique");
	}

	private static boolean isJpeg(byte[] content) {
		return content.length > 4 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8;
	}

	private static boolean isRiff(byte[] content) {
		return content.length > 12 && content[0] == 'R' && content[1] == 'I' && content[2] == 'F' && content[3] == 'F';
	}

}
