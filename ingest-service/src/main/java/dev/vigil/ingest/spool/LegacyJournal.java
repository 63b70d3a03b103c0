package dev.vigil.ingest.spool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the spool layout of earlier versions (one {@code journal/<seq>.json} per pending
 * item, {@code done.log} lines {@code <millis> <camera> <sha256>}) once, so that an edge
 * upgraded with uploads still waiting loses none of them. Used only at start.
 */
final class LegacyJournal {

	private static final Logger log = LoggerFactory.getLogger(LegacyJournal.class);

	private final Path journal;

	private final Path doneLog;

	private final List<Path> files = new ArrayList<>();

	LegacyJournal(Path journal, Path doneLog) {
		this.journal = journal;
		this.doneLog = doneLog;
	}

	/** Framed journal lines for every legacy record and done line; empty when none. */
	List<byte[]> read() throws IOException {
		List<byte[]> lines = new ArrayList<>();
		JsonMapper json = null;
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(this.journal, "*.json*")) {
			for (Path entry : entries) {
				String name = entry.getFileName().toString();
				if (name.endsWith(".json.tmp")) {
					this.files.add(entry);
				}
				if (!name.endsWith(".json")) {
					continue;
				}
				json = (json != null) ? json : JsonMapper.builder().build();
				try {
					lines.add(JournalCodec.frame(JournalCodec.put(json.readValue(entry.toFile(), SpoolRecord.class))));
					this.files.add(entry);
				}
				catch (JacksonException ex) {
					log.error("Unreadable legacy spool record {}; left in place", name, ex);
				}
			}
		}
		if (Files.exists(this.doneLog)) {
			this.files.add(this.doneLog);
			for (String line : Files.readAllLines(this.doneLog, StandardCharsets.UTF_8)) {
				String[] parts = line.split(" ");
				if (parts.length == 3 && parts[2].length() == 64) {
					try {
						lines.add(JournalCodec.frame(JournalCodec.taken(Long.parseLong(parts[0]), parts[1], parts[2])));
					}
					catch (NumberFormatException ex) {
						// a torn last line
					}
				}
			}
		}
		return lines;
	}

	/** Remove the legacy files once their content is durable in the new journal. */
	void delete() throws IOException {
		for (Path file : this.files) {
			Files.deleteIfExists(file);
		}
		if (!this.files.isEmpty()) {
			log.info("Spool migrated {} legacy journal files", this.files.size());
		}
	}

}
