package dev.vigil.processing.detect.eval;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The versions of each labelled picture the evaluation runs on, made the same way every
 * run (fixed seeds): what a camera sends at night, over a poor link, and when someone
 * walks out of the frame.
 */
enum Variant {

	/** The picture as it is. */
	ORIGINAL,
	/** Night IR look: greyscale, a quarter of the light, sensor noise. */
	NIGHT,
	/** Half the resolution, JPEG quality 0.25 (a sub-stream over a poor link). */
	LOW_QUALITY,
	/**
	 * Pictures with people: cut so that the frame edge runs through the largest person
	 * (about half of them stays visible).
	 */
	EDGE_CROP,
	/** Pictures without people: the night look with two car headlights glaring. */
	HEADLIGHTS;

	/** People shorter than this after the change are "don't care". */
	static final double MIN_PERSON_HEIGHT = 32;

	/** A part of a person cut by the frame that is still counted as that person. */
	static final double MIN_VISIBLE = 0.5;

	/**
	 * The variants of a picture: edge crops for pictures with people, headlights for
	 * those without.
	 */
	static List<Variant> of(LabelledPicture picture) {
		return picture.people().isEmpty() ? List.of(ORIGINAL, NIGHT, LOW_QUALITY, HEADLIGHTS)
				: List.of(ORIGINAL, NIGHT, LOW_QUALITY, EDGE_CROP);
	}

	String label() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	Sample apply(LabelledPicture picture, BufferedImage source) {
		long seed = picture.id().hashCode();
		return switch (this) {
			case ORIGINAL -> sample(picture, bgr(source), picture.people(), picture.ignore());
			case NIGHT -> sample(picture, night(source, seed), picture.people(), picture.ignore());
			case LOW_QUALITY ->
				sample(picture, lowQuality(source), scaled(picture.people(), 0.5), scaled(picture.ignore(), 0.5));
			case EDGE_CROP -> edgeCrop(picture, source);
			case HEADLIGHTS ->
				sample(picture, headlights(night(source, seed), seed), picture.people(), picture.ignore());
		};
	}

	private Sample sample(LabelledPicture picture, BufferedImage image, List<Box> people, List<Box> ignore) {
		List<Box> counted = new ArrayList<>();
		List<Box> dontCare = new ArrayList<>(ignore);
		for (Box box : people) {
			(box.height() >= MIN_PERSON_HEIGHT ? counted : dontCare).add(box);
		}
		return new Sample(picture, this, image, List.copyOf(counted), List.copyOf(dontCare));
	}

	private Sample edgeCrop(LabelledPicture picture, BufferedImage source) {
		Box largest = picture.people().stream().max(Comparator.comparingDouble(Box::area)).orElseThrow();
		int width = source.getWidth();
		// Cut through the person's middle, keeping the larger side of the picture.
		double cut = largest.x() + largest.width() / 2;
		double left = (cut < width / 2.0) ? cut : 0;
		double right = (cut < width / 2.0) ? width : cut;
		BufferedImage cropped = bgr(source.getSubimage((int) left, 0, (int) (right - left), source.getHeight()));
		List<Box> people = new ArrayList<>();
		List<Box> ignore = new ArrayList<>();
		for (Box box : picture.people()) {
			Box visible = box.cropped((int) left, (int) right);
			if (visible.width() <= 0) {
				continue;
			}
			(visible.area() >= MIN_VISIBLE * box.area() ? people : ignore).add(visible);
		}
		for (Box box : picture.ignore()) {
			Box visible = box.cropped((int) left, (int) right);
			if (visible.width() > 0) {
				ignore.add(visible);
			}
		}
		return sample(picture, cropped, people, ignore);
	}

	private static List<Box> scaled(List<Box> boxes, double factor) {
		return boxes.stream().map((box) -> box.scaled(factor)).toList();
	}

	static BufferedImage bgr(BufferedImage source) {
		BufferedImage copy = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
		Graphics2D g = copy.createGraphics();
		g.drawImage(source, 0, 0, null);
		g.dispose();
		return copy;
	}

	static BufferedImage night(BufferedImage source, long seed) {
		Random noise = new Random(seed);
		BufferedImage out = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
		for (int y = 0; y < source.getHeight(); y++) {
			for (int x = 0; x < source.getWidth(); x++) {
				int rgb = source.getRGB(x, y);
				double luma = 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
				int v = (int) Math.round(Math.max(0, Math.min(255, luma / 4 + 6 + noise.nextGaussian() * 6)));
				out.setRGB(x, y, (v << 16) | (v << 8) | v);
			}
		}
		return out;
	}

	static BufferedImage lowQuality(BufferedImage source) {
		int width = Math.max(1, source.getWidth() / 2);
		int height = Math.max(1, source.getHeight() / 2);
		BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
		Graphics2D g = small.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(source, 0, 0, width, height, null);
		g.dispose();
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
			try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
				writer.setOutput(out);
				ImageWriteParam param = writer.getDefaultWriteParam();
				param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				param.setCompressionQuality(0.25f);
				writer.write(null, new IIOImage(small, null, null), param);
			}
			finally {
				writer.dispose();
			}
			return bgr(ImageIO.read(new ByteArrayInputStream(bytes.toByteArray())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static BufferedImage headlights(BufferedImage night, long seed) {
		Random place = new Random(seed);
		Graphics2D g = night.createGraphics();
		float radius = night.getWidth() * 0.08f;
		float y = night.getHeight() * (0.55f + place.nextFloat() * 0.25f);
		float x = night.getWidth() * (0.25f + place.nextFloat() * 0.4f);
		for (float cx : new float[] { x, x + radius * 2.5f }) {
			g.setPaint(new RadialGradientPaint(new Point2D.Float(cx, y), radius, new float[] { 0f, 0.25f, 1f },
					new Color[] { Color.WHITE, new Color(255, 255, 255, 200), new Color(255, 255, 255, 0) }));
			g.fillOval((int) (cx - radius), (int) (y - radius), (int) (2 * radius), (int) (2 * radius));
		}
		g.dispose();
		return night;
	}

	/**
	 * One picture as the detector sees it, with its labels in its own pixels.
	 *
	 * @param picture the labelled picture it was made from
	 * @param variant how
	 * @param image the pixels
	 * @param people people to find
	 * @param ignore don't-care regions
	 */
	record Sample(LabelledPicture picture, Variant variant, BufferedImage image, List<Box> people, List<Box> ignore) {

		String id() {
			return this.picture.id() + " " + this.variant.label();
		}

		boolean hasPeople() {
			return !this.people.isEmpty();
		}

	}

}
