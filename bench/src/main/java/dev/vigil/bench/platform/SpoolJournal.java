package dev.vigil.bench.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * Reads the edge's spool journal ({@code spool/journal/journal-*.log}, the format in
 * ingest-service's README) without changing it: the edge may be writing it. A line is
 * {@code <crc32c> <payload>}; {@code P <seq> <eventId> <camera> <sha256> ...} is a taken
 * upload, {@code D <seq>} its publication. Lines with a wrong CRC (a write in progress)
 * are ignored.
 */
public final class SpoolJournal {

	private SpoolJournal() {
	}

	/**
	 * SHA-256 of every upload still pending in the spool under {@code spoolDirectory}.
	 */
	public static Set<String> pendingHashes(Path spoolDirectory) throws IOException {
		return new HashSet<>(pending(spoolDirectory).values());
	}

	/** How many uploads are pending. */
	public static int pendingCount(Path spoolDirectory) throws IOException {
		return pending(spoolDirectory).size();
	}

	private static Map<String, String> pending(Path spoolDirectory) throws IOException {
		Map<String, String> pending = new LinkedHashMap<>();
		Path journal = spoolDirectory.resolve("journal");
		if (!Files.isDirectory(journal)) {
			return pending;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(journal, "journal-*.log")) {
			for (Path file : files) {
				for (String line : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n")) {
					String[] fields = valid(line);
					if (fields != null && fields[0].equals("P") && fields.length > 4) {
						pending.put(fields[1], fields[4]);
					}
					else if (fields != null && fields[0].equals("D")) {
						pending.remove(fields[1]);
					}
				}
			}
		}
		return pending;
	}

	private static String[] valid(String line) {
		if (line.length() < 10 || line.charAt(8) != ' ') {
			return null;
		}
		byte[] payload = line.substring(9).getBytes(StandardCharsets.UTF_8);
		CRC32C crc = new CRC32C();
		crc.update(payload);
		try {
			return (Long.parseLong(line.substring(0, 8), 16) == crc.getValue()) ? line.substring(9).split(" ") : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
