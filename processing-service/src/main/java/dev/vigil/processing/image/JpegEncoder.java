package dev.vigil.processing.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import net.coobird.thumbnailator.Thumbnails;

/**
 * Writes thumbnails and posters as baseline JPEG, which every browser shows.
 */
public class JpegEncoder {

	private final ImageProperties properties;

	public JpegEncoder(ImageProperties properties) {
		this.properties = properties;
	}

	/**
	 * A thumbnail of the configured width, never wider than the image.
	 * @param image upright image
	 * @return JPEG bytes
	 */
	public byte[] thumbnail(BufferedImage image) {
		return encode(image, Math.min(this.properties.thumbnailWidth(), image.getWidth()));
	}

	/**
	 * The image at full size, e.g. a video poster.
	 * @param image upright image
	 * @return JPEG bytes
	 */
	public byte[] fullSize(BufferedImage image) {
		return encode(image, image.getWidth());
	}

	private byte[] encode(BufferedImage image, int width) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Thumbnails.of(opaque(image))
				.width(width)
				.outputFormat("jpg")
				.outputQuality(this.properties.thumbnailQuality())
				.toOutputStream(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * JPEG has no alpha: PNGs with transparency are flattened on white.
	 */
	private static BufferedImage opaque(BufferedImage image) {
		if (!image.getColorModel().hasAlpha() && image.getType() != BufferedImage.TYPE_CUSTOM) {
			return image;
		}
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = rgb.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, image.getWidth(), image.getHeight());
			g.drawImage(image, 0, 0, null);
		}
		finally {
			g.dispose();
		}
		return rgb;
	}

}
