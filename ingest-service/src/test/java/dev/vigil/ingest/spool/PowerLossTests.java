package dev.vigil.ingest.spool;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.vigil.contracts.CaptureTimeSource;
import dev.vigil.contracts.MediaKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Power loss modelled on the files: the journal cut at every byte (every write boundary
 * and every point inside one), with every content file that may have survived. After
 * recovery each item is complete or absent, never torn, never without its content, and
 * the spool takes new uploads that survive the next restart.
 */
class PowerLossTests {

	@TempDir
	Path temp;

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);

	private Spool open(Path directory) {
		return new Spool(directory,
				new SpoolProperties(DataSize.ofGigabytes(1), DataSize.ofBytes(0), Duration.ofHours(24), 1000, false),
				this.clock, new CountingDurability(false), Spool.COMPACT_SLACK);
	}

	private Path upload(String name) throws IOException {
		Path home = Files.createDirectories(this.temp.resolve("home"));
		return Files.writeString(home.resolve(name), "content of " + name);
	}

	private static SpoolRecord.Draft draft(String camera, char sha, String path) {
		return new SpoolRecord.Draft(camera, String.valueOf(sha).repeat(64), 14, "image/jpeg", "jpg", MediaKind.IMAGE,
				path, Instant.parse("2016-08-30T13:51:37Z"), CaptureTimeSource.FILENAME,
				Instant.parse("2026-11-25T09:00:00Z"));
	}

	@Test
	void everyCutOfTheJournalRecoversWholeItemsWithTheirContent() throws IOException {
		Path original = this.temp.resolve("original");
		Path everyObject = Files.createDirectories(this.temp.resolve("every-object"));
		List<SpoolRecord> records = new ArrayList<>();
		try (Spool spool = open(original)) {
			String[] paths = { "snap/MDAlarm_20160830-155137.jpg", "a b/with space%.jpg", "x.jpg", "y.jpg" };
			for (int i = 0; i < paths.length; i++) {
				Path file = upload(i + ".jpg");
				SpoolRecord record = spool.put(draft("cam" + (i % 2), (char) ('a' + i), paths[i]), file, false)
					.orElseThrow();
				records.add(record);
				Files.copy(spool.object(record), everyObject.resolve(spool.object(record).getFileName()));
			}
			spool.markPublished(records.get(0));
		}
		Path journalFile = onlyJournal(original);
		byte[] journal = Files.readAllBytes(journalFile);
		// Where each line ends, and what the journal says up to there.
		Map<Integer, String> ends = new LinkedHashMap<>();
		for (int i = 0; i < journal.length; i++) {
			if (journal[i] == '\n') {
				ends.put(i + 1, String.valueOf((char) journal[ends.isEmpty() ? 9 : previous(ends) + 9]));
			}
		}
		assertThat(ends.values()).containsExactly("H", "P", "P", "P", "P", "D");

		for (int cut = 0; cut <= journal.length; cut++) {
			Path directory = this.temp.resolve("cut-" + cut);
			Path objects = Files.createDirectories(directory.resolve("objects"));
			Path journalDirectory = Files.createDirectories(directory.resolve("journal"));
			try (DirectoryStream<Path> files = Files.newDirectoryStream(everyObject)) {
				for (Path file : files) {
					Files.copy(file, objects.resolve(file.getFileName()));
				}
			}
			Files.write(journalDirectory.resolve(journalFile.getFileName()), Arrays.copyOf(journal, cut));

			List<SpoolRecord> expected = expected(records, ends, cut);
			Spool spool = open(directory);
			assertThat(spool.pending()).as("cut at byte %d", cut).containsExactlyElementsOf(expected);
			Set<String> left = new TreeSet<>();
			try (DirectoryStream<Path> files = Files.newDirectoryStream(objects)) {
				files.forEach((file) -> left.add(file.getFileName().toString()));
			}
			assertThat(left).as("content kept at cut %d", cut)
				.containsExactlyInAnyOrderElementsOf(
						expected.stream().map((r) -> spool.object(r).getFileName().toString()).toList());
			for (SpoolRecord record : expected) {
				assertThat(Files.readString(spool.object(record))).startsWith("content of ");
			}

			Path next = upload("next-" + cut + ".jpg");
			SpoolRecord after = spool.put(draft("cam9", 'f', "later.jpg"), next, false).orElseThrow();
			spool.close();
			List<SpoolRecord> afterRestart = new ArrayList<>(expected);
			afterRestart.add(after);
			try (Spool reopened = open(directory)) {
				assertThat(reopened.pending()).as("appended after cut %d, restarted", cut)
					.containsExactlyElementsOf(afterRestart);
			}
		}
	}

	private static int previous(Map<Integer, String> ends) {
		int last = 0;
		for (int end : ends.keySet()) {
			last = end;
		}
		return last;
	}

	/** Items whose P line is whole within {@code cut} and whose D line is not. */
	private static List<SpoolRecord> expected(List<SpoolRecord> records, Map<Integer, String> ends, int cut) {
		List<Integer> lineEnds = List.copyOf(ends.keySet());
		List<SpoolRecord> pending = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			if (lineEnds.get(1 + i) <= cut) {
				pending.add(records.get(i));
			}
		}
		if (lineEnds.get(5) <= cut) {
			pending.remove(records.get(0));
		}
		return pending;
	}

	private static Path onlyJournal(Path spool) throws IOException {
		try (DirectoryStream<Path> files = Files.newDirectoryStream(spool.resolve("journal"), "journal-*.log")) {
			List<Path> all = new ArrayList<>();
			files.forEach(all::add);
			assertThat(all).hasSize(1);
			return all.getFirst();
		}
	}

	@Test
	void anUnfinishedCompactionLeavesThePreviousGenerationInCharge() throws IOException {
		Path directory = this.temp.resolve("spool");
		SpoolRecord record;
		try (Spool spool = open(directory)) {
			record = spool.put(draft("cam0", 'a', "a.jpg"), upload("a.jpg"), false).orElseThrow();
		}
		Path journal = onlyJournal(directory);
		// Killed while writing the next generation: only its temporary file exists.
		Path temporary = journal.resolveSibling("journal-00000000000000000099.log.tmp");
		Files.writeString(temporary, "00000000 H vigil-spool-jou");
		try (Spool spool = open(directory)) {
			assertThat(spool.pending()).containsExactly(record);
		}
		assertThat(temporary).doesNotExist();

		// Killed after the rename, before the old generation was deleted: the new one
		// holds everything, the old one goes.
		Path newer = journal.resolveSibling("journal-00000000000000000100.log");
		Files.copy(journal, newer);
		try (Spool spool = open(directory)) {
			assertThat(spool.pending()).containsExactly(record);
		}
		assertThat(journal).doesNotExist();
		assertThat(newer).exists();
	}

}
