package dev.vigil.ingest.intake;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import dev.vigil.contracts.CaptureTimeSource;
import dev.vigil.contracts.MediaKind;
import org.jspecify.annotations.Nullable;

/**
 * When a camera captured a file: from its name (vendor patterns, most reliable because
 * the firmware writes it from the same clock as the recording), else EXIF, else the time
 * the edge received it. Names and EXIF carry local time without a zone, so the camera's
 * configured zone is applied.
 */
final class CaptureTimeResolver {

	/** A camera clock this far ahead of the edge is wrong, not early. */
	private static final Duration MAX_AHEAD = Duration.ofDays(2);

	private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

	private static final DateTimeFormatter EXIF_FORMAT = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

	private final List<Compiled> patterns;

	CaptureTimeResolver(List<IntakeProperties.CapturePattern> patterns) {
		this.patterns = patterns.stream()
			.map((p) -> new Compiled(Pattern.compile(p.regex()), DateTimeFormatter.ofPattern(p.format())))
			.toList();
	}

	CaptureTime resolve(String fileName, Path file, @Nullable MediaKind kind, ZoneId zone, Instant receivedAt) {
		Instant fromName = fromFileName(fileName, zone, receivedAt);
		if (fromName != null) {
			return new CaptureTime(fromName, CaptureTimeSource.FILENAME);
		}
		if (kind == MediaKind.IMAGE) {
			Instant fromExif = fromExif(file, zone, receivedAt);
			if (fromExif != null) {
				return new CaptureTime(fromExif, CaptureTimeSource.EXIF);
			}
		}
		return new CaptureTime(receivedAt, CaptureTimeSource.RECEIVED);
	}

	@Nullable Instant fromFileName(String fileName, ZoneId zone, Instant receivedAt) {
		for (Compiled pattern : this.patterns) {
			Matcher matcher = pattern.regex.matcher(fileName);
			if (matcher.find()) {
				String text = (matcher.groupCount() >= 1) ? matcher.group(1) : matcher.group();
				try {
					Instant instant = LocalDateTime.parse(text, pattern.format).atZone(zone).toInstant();
					if (plausible(instant, receivedAt)) {
						return instant;
					}
				}
				catch (DateTimeParseException ex) {
					// A name that only looks like the pattern: try the next one.
				}
			}
		}
		return null;
	}

	@Nullable Instant fromExif(Path file, ZoneId zone, Instant receivedAt) {
		try {
			Metadata metadata = readMetadata(file);
			for (ExifSubIFDDirectory exif : metadata.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
				String text = exif.getString(ExifDirectoryBase.TAG_DATETIME_ORIGINAL);
				if (text == null) {
					continue;
				}
				LocalDateTime local = LocalDateTime.parse(text.trim(), EXIF_FORMAT);
				String offset = exif.getString(ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL);
				Instant instant = (offset != null)
						? OffsetDateTime.of(local, java.time.ZoneOffset.of(offset.trim())).toInstant()
						: local.atZone(zone).toInstant();
				if (plausible(instant, receivedAt)) {
					return instant;
				}
			}
		}
		catch (IOException | ImageProcessingException | RuntimeException ex) {
			// Broken or absent EXIF is normal for camera snapshots: fall back.
		}
		return null;
	}

	/**
	 * A JPEG's segments are read only up to the start of the image data, and only the
	 * EXIF segment is parsed: the default reader goes through the whole file and every
	 * segment kind (XMP, ICC, ...) for one tag.
	 */
	private static Metadata readMetadata(Path file) throws IOException, ImageProcessingException {
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 16 * 1024)) {
			in.mark(2);
			boolean jpeg = in.read() == 0xFF && in.read() == 0xD8;
			in.reset();
			return jpeg ? JpegMetadataReader.readMetadata(in, List.of(new ExifReader()))
					: ImageMetadataReader.readMetadata(in);
		}
	}

	private static boolean plausible(Instant instant, Instant receivedAt) {
		return !instant.isBefore(EARLIEST) && !instant.isAfter(receivedAt.plus(MAX_AHEAD));
	}

	record CaptureTime(Instant instant, CaptureTimeSource source) {
	}

	private record Compiled(Pattern regex, DateTimeFormatter format) {
	}

}
