package dev.vigil.ui.event;

import java.util.ArrayList;
import java.util.List;

import dev.vigil.ui.catalog.Media;

/**
 * A detection box and its label, in the picture's own pixels, drawn as one SVG over the
 * picture: the label sits on the box's top edge (inside the box when the box touches the
 * top of the picture), so it moves and scales with the box. SVG attributes, not inline
 * styles: the page's Content-Security-Policy allows no {@code style} attributes.
 *
 * @param detection the detection
 * @param text the label text
 * @param fontSize label size in picture pixels
 * @param labelX label background left
 * @param labelY label background top
 * @param labelWidth label background width
 * @param labelHeight label background height
 */
record BoxOverlay(Media.Detection detection, String text, double fontSize, double labelX, double labelY,
		double labelWidth, double labelHeight) {

	static List<BoxOverlay> of(Media media) {
		List<BoxOverlay> overlays = new ArrayList<>();
		if (media.boxes().isEmpty() || media.width() == null || media.height() == null) {
			return overlays;
		}
		int width = media.width();
		// About 14 px on a picture shown 640 px wide, whatever its real resolution.
		double fontSize = Math.max(10, width / 46.0);
		double height = fontSize * 1.4;
		for (Media.Detection detection : media.boxes()) {
			String text = detection.label() + " " + Math.round(detection.confidence() * 100) + " %";
			double labelWidth = text.length() * fontSize * 0.62 + fontSize * 0.8;
			Media.Box box = detection.box();
			double x = Math.max(0, Math.min(box.x(), width - labelWidth));
			double y = (box.y() >= height) ? box.y() - height : box.y();
			overlays.add(new BoxOverlay(detection, text, fontSize, x, y, labelWidth, height));
		}
		return overlays;
	}

	/** Baseline of the text inside the label background. */
	public double textY() {
		return this.labelY + this.labelHeight * 0.74;
	}

	public double textX() {
		return this.labelX + this.fontSize * 0.4;
	}

}
