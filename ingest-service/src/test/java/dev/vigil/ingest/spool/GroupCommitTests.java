package dev.vigil.ingest.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.vigil.contracts.CaptureTimeSource;
import dev.vigil.contracts.MediaKind;
import dev.vigil.ingest.TestMedia;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/** Uploads finishing together share the spool's directory and journal fsyncs. */
class GroupCommitTests {

	private static final int UPLOADS = 8;

	@TempDir
	Path temp;

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);

	private final CountingDurability durability = new CountingDurability(true);

	private final List<Spool> opened = new ArrayList<>();

	@AfterEach
	void close() throws IOException {
		this.durability.release();
		for (Spool spool : this.opened) {
			spool.close();
		}
	}

	private Spool open() {
		Spool spool = new Spool(this.temp.resolve("spool"),
				new SpoolProperties(DataSize.ofGigabytes(1), DataSize.ofBytes(0), Duration.ofHours(24), 1000, false),
				this.clock, this.durability, Spool.COMPACT_SLACK);
		this.opened.add(spool);
		return spool;
	}

	private Path upload(String name) throws IOException {
		Path home = Files.createDirectories(this.temp.resolve("home"));
		return Files.copy(TestMedia.file("darknet/person.jpg"), home.resolve(name));
	}

	private static SpoolRecord.Draft draft(int i, long size) {
		return new SpoolRecord.Draft("cam" + i, String.valueOf(i % 10).repeat(64), size, "image/jpeg", "jpg",
				MediaKind.IMAGE, "snap/" + i + ".jpg", null, CaptureTimeSource.RECEIVED,
				Instant.parse("2026-11-25T09:00:00Z"));
	}

	@Test
	void concurrentUploadsShareDirectoryAndJournalFsyncs() throws Exception {
		Spool spool = open();
		long directoryBefore = spool.fsyncs("directory");
		long journalBefore = spool.fsyncs("journal");
		long commitsBefore = spool.commits();
		// The first commit stays on its way to the disk until every upload has finished
		// writing its content and waits: they must all ride on at most one more commit.
		this.durability.holdNextJournalSync();
		List<Future<SpoolRecord>> puts = new ArrayList<>();
		try (ExecutorService sessions = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < UPLOADS; i++) {
				Path file = upload(i + ".jpg");
				SpoolRecord.Draft draft = draft(i, Files.size(file));
				puts.add(sessions.submit(() -> spool.put(draft, file, true).orElseThrow()));
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> spool.unanswered() == UPLOADS);
			assertThat(puts).noneMatch(Future::isDone);
			this.durability.release();
			for (Future<SpoolRecord> put : puts) {
				put.get();
			}
		}
		long directory = spool.fsyncs("directory") - directoryBefore;
		long journal = spool.fsyncs("journal") - journalBefore;
		assertThat(spool.fsyncs("content")).as("each file's own data").isEqualTo(UPLOADS);
		assertThat(directory).as("directory fsyncs for %d uploads", UPLOADS).isLessThan(UPLOADS).isLessThanOrEqualTo(2);
		assertThat(journal).as("journal fsyncs for %d uploads", UPLOADS).isLessThan(UPLOADS).isLessThanOrEqualTo(2);
		assertThat(spool.commits() - commitsBefore).isLessThanOrEqualTo(2);
		assertThat(spool.depth()).isEqualTo(UPLOADS);
		assertThat(open().pending()).hasSize(UPLOADS);
	}

	@Test
	void aFailedJournalWriteAnswersNoUploadAndKeepsNothing() throws IOException {
		Spool spool = open();
		Path file = upload("lost.jpg");
		this.durability.failNextJournalSync();
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> spool.put(draft(1, Files.size(file)), file, false));
		assertThat(file).as("back where the caller can quarantine it").exists();
		assertThat(spool.depth()).isZero();
		assertThat(spool.isDuplicate("cam1", "1".repeat(64))).as("the camera may retry").isFalse();
		assertThat(this.temp.resolve("spool/objects")).isEmptyDirectory();

		SpoolRecord retried = spool.put(draft(1, Files.size(file)), file, false).orElseThrow();
		assertThat(open().pending()).containsExactly(retried);
	}

	@Test
	void publicationsAreCommittedTooAndTheJournalIsCompacted() throws IOException {
		Spool spool = new Spool(this.temp.resolve("spool"),
				new SpoolProperties(DataSize.ofGigabytes(1), DataSize.ofBytes(0), Duration.ofHours(24), 1000, false),
				this.clock, this.durability, 1);
		this.opened.add(spool);
		List<SpoolRecord> records = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Path file = upload(i + ".jpg");
			records.add(spool.put(draft(i, Files.size(file)), file, false).orElseThrow());
		}
		for (SpoolRecord record : records.subList(0, 4)) {
			spool.markPublished(record);
			assertThat(spool.object(record)).doesNotExist();
		}
		assertThat(this.temp.resolve("spool/journal")).isDirectoryContaining("glob:**/journal-*.log");
		try (var files = Files.list(this.temp.resolve("spool/journal"))) {
			assertThat(files.map((f) -> f.getFileName().toString()))
				.as("compacted: a later generation replaced the first")
				.singleElement()
				.isNotEqualTo("journal-00000000000000000001.log");
		}
		Spool reopened = open();
		assertThat(reopened.pending()).containsExactly(records.get(4));
		for (int i = 0; i < 5; i++) {
			assertThat(reopened.isDuplicate("cam" + i, String.valueOf(i).repeat(64))).isTrue();
		}
	}

}
