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

	private static @Nullable BoundingBox clamp(Rect r, double scale, int width, int height) {
		int x = (int) Math.max(0, Math.round(r.x / scale));
		int y = (int) Math.max(0, Math.round(r.y / scale));
		int right = (int) Math.min(width, Math.round((r.x + r.width) / scale));
		int bottom = (int) Math.min(height, Math.round((r.y + r.height) / scale));
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
