package dev.vigil.ingest.spool;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a spool's journal without changing it (a live edge may be writing it): what tests
 * in other packages check instead of counting files.
 */
public final class JournalFiles {

	private JournalFiles() {
	}

	/** The pending items of the spool under {@code spoolDirectory}, oldest first. */
	public static List<SpoolRecord> pending(Path spoolDirectory) throws IOException {
		Path journal = spoolDirectory.resolve("journal");
		Map<Long, SpoolRecord> pending = new LinkedHashMap<>();
		if (!Files.isDirectory(journal)) {
			return List.of();
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(journal, "journal-*.log")) {
			for (Path file : files) {
				byte[] bytes = Files.readAllBytes(file);
				int start = 0;
				for (int i = 0; i < bytes.length; i++) {
					if (bytes[i] == '\n') {
						switch (JournalCodec.decode(bytes, start, i - start)) {
							case JournalCodec.Put(SpoolRecord record) -> pending.put(record.seq(), record);
							case JournalCodec.Done(long seq) -> pending.remove(seq);
							case null, default -> {
							}
						}
						start = i + 1;
					}
				}
			}
		}
		return pending.values().stream().sorted((a, b) -> Long.compare(a.seq(), b.seq())).toList();
	}

}
