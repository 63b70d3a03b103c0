package dev.vigil.processing.image;

/**
 * Rewrites JPEG headers for bad-input tests.
 */
public final class JpegHeaders {

	private JpegHeaders() {
	}

	/**
	 * A copy of a baseline or progressive JPEG whose start-of-frame segment claims other
	 * dimensions; the scan data is unchanged.
	 * @param jpeg a JPEG file
	 * @param width claimed width
	 * @param height claimed height
	 * @return the rewritten copy
	 */
	public static byte[] withDimensions(byte[] jpeg, int width, int height) {
		byte[] copy = jpeg.clone();
		for (int i = 2; i + 9 < copy.length;) {
			int marker = copy[i + 1] & 0xFF;
			int length = ((copy[i + 2] & 0xFF) << 8) | (copy[i + 3] & 0xFF);
			if (marker >= 0xC0 && marker <= 0xC2) {
				copy[i + 5] = (byte) (height >> 8);
				copy[i + 6] = (byte) height;
				copy[i + 7] = (byte) (width >> 8);
				copy[i + 8] = (byte) width;
				return copy;
			}
			i += 2 + length;
		}
		throw new IllegalArgumentException("No start-of-frame segment");
	}

}
