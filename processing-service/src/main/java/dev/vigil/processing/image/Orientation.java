package dev.vigil.processing.image;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * EXIF orientation (tag 0x0112): how the stored raster must be turned to be upright.
 * Values 5 to 8 swap width and height.
 */
final class Orientation {

	private Orientation() {
	}

	static boolean swapsSides(int orientation) {
		return orientation >= 5 && orientation <= 8;
	}

	static BufferedImage apply(BufferedImage image, int orientation) {
		if (orientation <= 1 || orientation > 8) {
			return image;
		}
		int w = image.getWidth();
		int h = image.getHeight();
		AffineTransform t = new AffineTransform();
		switch (orientation) {
			case 2 -> { // mirror horizontal
				t.scale(-1, 1);
				t.translate(-w, 0);
			}
			case 3 -> { // rotate 180
				t.translate(w, h);
				t.rotate(Math.PI);
			}
			case 4 -> { // mirror vertical
				t.scale(1, -1);
				t.translate(0, -h);
			}
			case 5 -> t.setTransform(0, 1, 1, 0, 0, 0); // transpose
			case 6 -> { // rotate 90 clockwise
				t.translate(h, 0);
				t.rotate(Math.PI / 2);
			}
			case 7 -> t.setTransform(0, -1, -1, 0, h, w); // transverse
			case 8 -> { // rotate 270 clockwise
				t.translate(0, w);
				t.rotate(3 * Math.PI / 2);
			}
			default -> {
				return image;
			}
		}
		int outW = swapsSides(orientation) ? h : w;
		int outH = swapsSides(orientation) ? w : h;
		BufferedImage out = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		try {
			g.drawImage(image, t, null);
		}
		finally {
			g.dispose();
		}
		return out;
	}

}
