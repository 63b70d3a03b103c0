package dev.vigil.processing.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import dev.vigil.contracts.ProcessingStatus;
import org.jspecify.annotations.Nullable;

/**
 * Decodes stills by their content, never by their name or declared type: cameras and
 * users rename files. Dimensions are read from the header first, so a huge or lying image
 * is subsampled or rejected before a raster is allocated.
 */
public class ImageDecoder {

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private final ImageProperties properties;

	public ImageDecoder(ImageProperties properties) {
		this.properties = properties;
	}

	/**
	 * Decodes a still, upright.
	 * @param file the original
	 * @param cameraId whose time zone applies to EXIF times
	 * @return the decoded image and its metadata
	 * @throws MediaRejectedException when the content is empty, damaged, too large or of
	 * a format that is not decoded
	 */
	public DecodedImage decode(Path file, String cameraId) {
		byte[] head = head(file);
		if (head.length == 0) {
			throw MediaRejectedException.corrupt("The object is empty (0 bytes)");
		}
		String sniffed = sniff(head);
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw MediaRejectedException.unsupported("Not an image format Vigil decodes (" + sniffed + ")");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				String format = reader.getFormatName().toLowerCase(Locale.ROOT);
				int rawWidth = reader.getWidth(0);
				int rawHeight = reader.getHeight(0);
				long pixels = (long) rawWidth * rawHeight;
				if (rawWidth <= 0 || rawHeight <= 0) {
					throw MediaRejectedException.corrupt("The image header declares no pixels");
				}
				if (pixels > this.properties.maxPixels()) {
					throw MediaRejectedException.unsupported("The image is " + rawWidth + "x" + rawHeight + " ("
							+ pixels + " pixels), more than the limit of " + this.properties.maxPixels() + " pixels");
				}
				int subsampling = subsampling(pixels);
				ImageReadParam param = reader.getDefaultReadParam();
				if (subsampling > 1) {
					param.setSourceSubsampling(subsampling, subsampling, 0, 0);
				}
				List<String> warnings = new ArrayList<>();
				IIOReadWarningListener listener = (source, warning) -> warnings.add(warning);
				reader.addIIOReadWarningListener(listener);
				BufferedImage raster = reader.read(0, param);
				if (!warnings.isEmpty()) {
					// ImageIO fills a truncated JPEG with grey and only warns: that is
					// damage.
					throw MediaRejectedException.corrupt("The " + format + " image is damaged: " + warnings.getFirst());
				}
				Exif exif = exif(file, cameraId);
				BufferedImage upright = Orientation.apply(raster, exif.orientation());
				boolean swap = Orientation.swapsSides(exif.orientation());
				return new DecodedImage(upright, swap ? rawHeight : rawWidth, swap ? rawWidth : rawHeight, subsampling,
						format, exif.capturedAt(), exif.cameraModel());
			}
			finally {
				reader.dispose();
			}
		}
		catch (MediaRejectedException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			if (message.toLowerCase(Locale.ROOT).contains("unsupported")) {
				throw new MediaRejectedException(ProcessingStatus.UNSUPPORTED,
						"The " + sniffed + " image uses a feature the decoder does not support: " + message, ex);
			}
			throw new MediaRejectedException(ProcessingStatus.CORRUPT,
					"The " + sniffed + " image could not be decoded: " + message, ex);
		}
	}

	/**
	 * The smallest integer subsampling that keeps the raster under the decode cap.
	 */
	int subsampling(long pixels) {
		int factor = 1;
		while ((double) pixels / ((long) factor * factor) > this.properties.maxDecodePixels()) {
			factor++;
		}
		return factor;
	}

	private Exif exif(Path file, String cameraId) {
		try {
			Metadata metadata = ImageMetadataReader.readMetadata(file.toFile());
			int orientation = 1;
			String model = null;
			Instant captured = null;
			ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
			if (ifd0 != null) {
				Integer value = ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
				orientation = (value != null) ? value : 1;
				model = cameraModel(ifd0.getString(ExifIFD0Directory.TAG_MAKE),
						ifd0.getString(ExifIFD0Directory.TAG_MODEL));
			}
			ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
			if (sub != null) {
				// Uses the EXIF offset tag when the camera wrote one, the camera's zone
				// otherwise.
				Date date = sub.getDateOriginal(TimeZone.getTimeZone(this.properties.timeZone(cameraId)));
				captured = (date != null) ? date.toInstant() : null;
			}
			return new Exif(orientation, captured, model);
		}
		catch (ImageProcessingException | IOException | RuntimeException ex) {
			// Metadata is optional: a decodable image with broken EXIF is still an image.
			return new Exif(1, null, null);
		}
	}

	static @Nullable String cameraModel(@Nullable String make, @Nullable String model) {
		String m = (make != null) ? make.trim() : "";
		String n = (model != null) ? model.trim() : "";
		if (n.isEmpty()) {
			return m.isEmpty() ? null : m;
		}
		if (m.isEmpty() || n.toLowerCase(Locale.ROOT).startsWith(m.toLowerCase(Locale.ROOT))) {
			return n;
		}
		return m + " " + n;
	}

	private static byte[] head(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(16);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read the downloaded original " + file, ex);
		}
	}

	static String sniff(byte[] head) {
		if (startsWith(head, JPEG)) {
			return "JPEG";
		}
		if (startsWith(head, PNG)) {
			return "PNG";
		}
		if (head.length >= 4 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F') {
			return "GIF";
		}
		if (head.length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F' && head[8] == 'W'
				&& head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
			return "WebP";
		}
		if (head.length >= 12 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p') {
			return "ISO media (HEIF/MP4)";
		}
		return "unknown content";
	}

	private static boolean startsWith(byte[] data, byte[] prefix) {
		if (data.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (data[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private record Exif(int orientation, @Nullable Instant capturedAt, @Nullable String cameraModel) {

	}

}
