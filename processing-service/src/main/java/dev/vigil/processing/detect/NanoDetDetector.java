package dev.vigil.processing.detect;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import dev.vigil.contracts.BoundingBox;
import dev.vigil.contracts.Detection;
import nu.pattern.OpenCV;
import org.jspecify.annotations.Nullable;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;

/**
 * NanoDet-m (COCO, 80 classes; RangiLyu/nanodet, Apache-2.0) on TensorFlow Java, CPU.
 *
 * <p>
 * Input: the picture stretched to 416 × 416 (OpenCV area/linear resize), BGR, normalised
 * per channel with NanoDet's mean (103.53, 116.28, 123.675) and std (57.375, 57.12,
 * 58.395), NCHW. Outputs {@code Identity}..{@code Identity_2}: class scores at strides 8,
 * 16, 32; {@code Identity_3}..{@code Identity_5}: the box distributions of the same
 * levels, decoded by {@link NanoDetDecoder}. Boxes are scaled back to the picture.
 * Reports {@code person}, {@code vehicle} and {@code animal} (see {@link CocoLabels}). A
 * TensorFlow session is safe for concurrent {@code run} calls.
 */
public class NanoDetDetector implements Detector, AutoCloseable {

	static final int SIZE = 416;

	private static final float[] MEAN = { 103.53f, 116.28f, 123.675f };

	private static final float[] STD = { 57.375f, 57.12f, 58.395f };

	private static final int[] STRIDES = { 8, 16, 32 };

	private static final String[] SCORES = { "Identity", "Identity_1", "Identity_2" };

	private static final String[] DISTANCES = { "Identity_3", "Identity_4", "Identity_5" };

	static {
		OpenCV.loadLocally();
	}

	private final Graph graph;

	private final Session session;

	private final NanoDetDecoder decoder;

	/**
	 * Loads the graph into TensorFlow.
	 * @param frozen the converted model ({@link NanoDetModel#load})
	 * @param properties thresholds and threads
	 * @throws ModelUnavailableException when TensorFlow's natives do not load on this
	 * platform or the graph does not import
	 */
	public NanoDetDetector(GraphDef frozen, NanoDetProperties properties) {
		Graph g;
		try {
			g = new Graph();
		}
		catch (LinkageError ex) {
			throw new TensorFlowUnavailableException("TensorFlow natives are not available on "
					+ System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ": " + ex, ex);
		}
		try {
			g.importGraphDef(frozen);
		}
		catch (IllegalArgumentException ex) {
			g.close();
			throw new ModelUnavailableException("NanoDet graph does not import into TensorFlow: " + ex.getMessage(),
					ex);
		}
		this.graph = g;
		ConfigProto config = ConfigProto.newBuilder()
			.setIntraOpParallelismThreads(properties.threads())
			.setInterOpParallelismThreads(1)
			.build();
		this.session = new Session(g, config);
		this.decoder = new NanoDetDecoder((float) properties.minScore(), (float) properties.maxIou());
	}

	/**
	 * Runs one inference on a blank 640 × 480 frame, so that the first real picture does
	 * not pay for TensorFlow's graph optimisation and memory set-up (seconds on 2 cores).
	 * @return how long it took, in milliseconds
	 */
	public long warmUp() {
		long start = System.nanoTime();
		detect(new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR));
		return (System.nanoTime() - start) / 1_000_000;
	}

	@Override
	public String name() {
		return "nanodet-m";
	}

	@Override
	public String version() {
		return NanoDetModel.SOURCE + "+tf" + TensorFlow.version();
	}

	@Override
	public List<Detection> detect(BufferedImage image) {
		float[] input = input(image);
		List<NanoDetDecoder.Level> levels = new ArrayList<>(STRIDES.length);
		try (TFloat32 tensor = TFloat32.tensorOf(Shape.of(1, 3, SIZE, SIZE), DataBuffers.of(input, true, false))) {
			Session.Runner runner = this.session.runner().feed("input_1", tensor);
			for (int i = 0; i < STRIDES.length; i++) {
				runner.fetch(SCORES[i]).fetch(DISTANCES[i]);
			}
			try (Result result = runner.run()) {
				for (int i = 0; i < STRIDES.length; i++) {
					levels.add(new NanoDetDecoder.Level(STRIDES[i], SIZE / STRIDES[i], floats(result.get(2 * i)),
							floats(result.get(2 * i + 1))));
				}
			}
		}
		double sx = (double) image.getWidth() / SIZE;
		double sy = (double) image.getHeight() / SIZE;
		List<Detection> detections = new ArrayList<>();
		for (NanoDetDecoder.Box box : this.decoder.decode(levels)) {
			BoundingBox b = clamp(box, sx, sy, image.getWidth(), image.getHeight());
			if (b != null) {
				detections.add(new Detection(box.label(), Math.round(box.score() * 1000.0) / 1000.0, b, null));
			}
		}
		return detections;
	}

	private static float[] floats(org.tensorflow.Tensor tensor) {
		TFloat32 t = (TFloat32) tensor;
		float[] out = new float[Math.toIntExact(t.shape().size())];
		t.copyTo(DataBuffers.of(out, false, false));
		return out;
	}

	static float[] input(BufferedImage image) {
		Mat source = HogDetector.toMat(image);
		Mat resized = new Mat();
		try {
			boolean shrink = image.getWidth() > SIZE || image.getHeight() > SIZE;
			Imgproc.resize(source, resized, new Size(SIZE, SIZE), 0, 0,
					shrink ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
			byte[] bgr = new byte[SIZE * SIZE * 3];
			resized.get(0, 0, bgr);
			int plane = SIZE * SIZE;
			float[] nchw = new float[3 * plane];
			for (int p = 0; p < plane; p++) {
				for (int c = 0; c < 3; c++) {
					nchw[c * plane + p] = ((bgr[p * 3 + c] & 0xff) - MEAN[c]) / STD[c];
				}
			}
			return nchw;
		}
		finally {
			source.release();
			resized.release();
		}
	}

	private static @Nullable BoundingBox clamp(NanoDetDecoder.Box box, double sx, double sy, int width, int height) {
		int x = (int) Math.max(0, Math.round(box.x1() * sx));
		int y = (int) Math.max(0, Math.round(box.y1() * sy));
		int right = (int) Math.min(width, Math.round(box.x2() * sx));
		int bottom = (int) Math.min(height, Math.round(box.y2() * sy));
		if (right - x <= 0 || bottom - y <= 0) {
			return null;
		}
		return new BoundingBox(x, y, right - x, bottom - y);
	}

	@Override
	public void close() {
		this.session.close();
		this.graph.close();
	}

}
