package dev.vigil.processing.detect;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;

import dev.vigil.contracts.BoundingBox;
import dev.vigil.contracts.Detection;
import nu.pattern.OpenCV;
import org.jspecify.annotations.Nullable;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.MatOfRect;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.HOGDescriptor;

/**
 * OpenCV's HOG people detector with its default SVM (trained on INRIA pedestrians).
 *
 * <p>
 * The SVM returns a distance to its decision plane, not a probability. It is mapped to
 * 0..1 with a logistic curve, {@code 1 / (1 + exp(-(score - midpoint) / spread))}, whose
 * parameters were chosen from the evaluation set (see the module README): monotonic, so
 * thresholds on confidence are thresholds on the score.
 */
public class HogDetector implements Detector {

	private static final double WINDOW_SIDE_MARGIN = 0.2;

	private static final double WINDOW_TOP_MARGIN = 0.11;

	private static final double WINDOW_BODY_HEIGHT = 0.76;

	static {
		OpenCV.loadLocally();
	}

	private final HogProperties properties;

	// HOGDescriptor holds native state; one per thread keeps concurrent consumers apart.
	private final ThreadLocal<HOGDescriptor> descriptors = ThreadLocal.withInitial(() -> {
		HOGDescriptor hog = new HOGDescriptor();
		hog.setSVMDetector(HOGDescriptor.getDefaultPeopleDetector());
		return hog;
	});

	public HogDetector(HogProperties properties) {
		this.properties = properties;
	}

	@Override
	public String name() {
		return "opencv-hog";
	}

	@Override
	public String version() {
		return Core.VERSION;
	}

	@Override
	public List<Detection> detect(BufferedImage image) {
		double scale = Math.min(this.properties.upscale(), (double) this.properties.maxWidth() / image.getWidth());
		Mat source = toMat(image);
		Mat work = new Mat();
		MatOfRect found = new MatOfRect();
		MatOfDouble weights = new MatOfDouble();
		try {
			if (Math.abs(scale - 1.0) > 1e-3) {
				Imgproc.resize(source, work, new Size(), scale, scale,
						(scale > 1) ? Imgproc.INTER_LINEAR : Imgproc.INTER_AREA);
			}
			else {
				source.copyTo(work);
			}
			if (work.cols() < 64 || work.rows() < 128) {
				return List.of();
			}
			Size stride = new Size(this.properties.winStride(), this.properties.winStride());
			Size padding = new Size(this.properties.padding(), this.properties.padding());
			this.descriptors.get()
				.detectMultiScale(work, found, weights, 0, stride, padding, this.properties.pyramidScale(),
						this.properties.groupThreshold(), false);
			if (found.empty()) {
				return List.of();
			}
			Rect[] rects = found.toArray();
			double[] scores = weights.empty() ? new double[0] : weights.toArray();
			List<Detection> detections = new ArrayList<>(rects.length);
			for (int i = 0; i < rects.length; i++) {
				BoundingBox box = clamp(rects[i], scale, image.getWidth(), image.getHeight());
				if (box != null) {
					double score = (i < scores.length) ? scores[i] : 0.0;
					detections.add(new Detection("person", confidence(score), box, null));
				}
			}
			return NonMaxSuppression.apply(detections, this.properties.maxOverlap());
		}
		finally {
			source.release();
			work.release();
			found.release();
			weights.release();
		}
	}

	/**
	 * Maps an SVM score to 0..1.
	 * @param score distance to the SVM plane
	 * @return confidence
	 */
	double confidence(double score) {
		double c = 1.0 / (1.0
				+ Math.exp(-(score - this.properties.confidenceMidpoint()) / this.properties.confidenceSpread()));
		return Math.round(c * 1000.0) / 1000.0;
	}

	/**
	 * The person inside a detection window, in pixels of the original image. The 64 x 128
	 * window holds the person with a margin (Dalal and Triggs trained it with 16 px on
	 * each side); measured on the labelled set, the body fills the middle 60 % of the
	 * window's width and 76 % of its height, from 11 % below its top.
	 */
	private static @Nullable BoundingBox clamp(Rect r, double scale, int width, int height) {
		double left = r.x + r.width * WINDOW_SIDE_MARGIN;
		double top = r.y + r.height * WINDOW_TOP_MARGIN;
		double boxWidth = r.width * (1 - 2 * WINDOW_SIDE_MARGIN);
		double boxHeight = r.height * WINDOW_BODY_HEIGHT;
		int x = (int) Math.max(0, Math.round(left / scale));
		int y = (int) Math.max(0, Math.round(top / scale));
		int right = (int) Math.min(width, Math.round((left + boxWidth) / scale));
		int bottom = (int) Math.min(height, Math.round((top + boxHeight) / scale));
		if (right - x <= 0 || bottom - y <= 0) {
			return null;
		}
		return new BoundingBox(x, y, right - x, bottom - y);
	}

	static Mat toMat(BufferedImage image) {
		BufferedImage bgr = image;
		if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
			bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
			var g = bgr.createGraphics();
			try {
				g.drawImage(image, 0, 0, null);
			}
			finally {
				g.dispose();
			}
		}
		byte[] pixels = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
		Mat mat = new Mat(bgr.getHeight(), bgr.getWidth(), CvType.CV_8UC3);
		mat.put(0, 0, pixels);
		return mat;
	}

}
